/* test-drawing-model.c: revisions, markup carry-forward, history and CSV
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "drawing-fixtures.h"
#include "ir-demo-drawings.h"
#include "ir-drawing-model.h"

#define ROOM "5b8e3c1a-7d2f-4e6b-8a90-1c2d3e4f5a6b"

static char *directory;

/* --- helpers -------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static IrStore *
open_store (const char *name,
            const char *actor,
            guint       roles)
{
  g_autofree char *folder = g_build_filename (directory, name, NULL);
  g_autofree char *path = g_build_filename (folder, "room.db", NULL);
  g_autoptr(GError) error = NULL;
  IrStore *store;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, ROOM, &error));
  g_assert_no_error (error);
  ir_store_set_actor (store, actor, roles);

  return store;
}

static void
add_member (IrTx       *tx,
            const char *user,
            const char *role,
            gboolean    active)
{
  g_autofree char *member = ir_tx_create (tx, "member");

  ir_tx_set_string (tx, "member", member, "user", user);
  ir_tx_set_string (tx, "member", member, "display_name", user);
  ir_tx_set_string (tx, "member", member, "role", role);
  ir_tx_set_boolean (tx, "member", member, "active", active);
}

/* A room of six members in which alice, the AR, acts as a local-only
 * room's own server. */
static IrStore *
new_room (const char *name)
{
  IrStore *store = open_store (name, "alice", IR_ROLE_AR | IR_ROLE_SERVER);
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(GError) error = NULL;

  add_member (tx, "alice", "AR", TRUE);
  add_member (tx, "bob", "SR", TRUE);
  add_member (tx, "carol", "FR", TRUE);
  add_member (tx, "dave", "executive", TRUE);
  add_member (tx, "erin", "observer", TRUE);
  add_member (tx, "frank", "FR", FALSE);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return store;
}

static GBytes *
demo_bytes (char revision)
{
  g_autoptr(GError) error = NULL;
  GDate today;
  GBytes *bytes;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, G_DATE_DECEMBER, 2026);
  bytes = ir_demo_drawing_to_bytes (IR_DEMO_DRAWING_BODY, revision, TRUE, &today, &error);
  g_assert_no_error (error);

  return bytes;
}

/* Imports demo revision @letter as a revision of @drawing, or as a new
 * drawing when @drawing is %NULL. */
static void
import_demo (IrStore                *store,
             const char             *drawing,
             char                    letter,
             IrRevisionImportResult *result)
{
  g_autoptr(GBytes) bytes = demo_bytes (letter);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("FV-150-001-%c.pdf", letter);
  g_autoptr(IrRevisionImport) import = NULL;

  import = ir_revision_import_new_from_bytes (ir_store_get_blobs (store), bytes, name,
                                              IR_PDF_DEFAULT_MAX_SIZE, &error);
  g_assert_no_error (error);
  g_assert_true (ir_revision_import_commit (import, store, drawing, "Face to face 410",
                                            0, result, &error));
  g_assert_no_error (error);
}

static char *
import_path (IrStore    *store,
             const char *drawing,
             const char *path,
             GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(IrRevisionImport) import = NULL;
  IrRevisionImportResult result = { 0 };
  char *revision;

  import = ir_revision_import_new_from_file (ir_store_get_blobs (store), file,
                                             IR_PDF_DEFAULT_MAX_SIZE, NULL, error);
  if (import == NULL)
    return NULL;
  if (!ir_revision_import_commit (import, store, drawing, NULL, 0, &result, error))
    return NULL;

  revision = g_steal_pointer (&result.revision);
  ir_revision_import_result_clear (&result);
  return revision;
}

static char *
add_markup (IrStore    *store,
            const char *drawing,
            const char *revision,
            const char *kind,
            double      x,
            const char *text)
{
  g_autoptr(JsonNode) box = ir_markup_geometry_new_box (x, 100, 40, 30);
  g_autoptr(GError) error = NULL;
  char *markup = ir_markup_create (store, drawing, revision, 0, kind, box, text, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (markup);

  return markup;
}

static guint
count_children (IrStore    *store,
                const char *kind,
                const char *field,
                const char *value)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (store, kind, field, value);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static guint
count_all (IrStore    *store,
           const char *kind)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, kind);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static const char *
label_of (IrStore    *store,
          const char *drawing,
          const char *revision)
{
  static char label[8];
  g_autoptr(GPtrArray) revisions = ir_drawing_list_revisions (store, drawing);
  IrRevisionInfo *info = ir_drawing_find_revision (revisions, revision);

  g_assert_nonnull (info);
  g_strlcpy (label, info->label, sizeof label);

  return label;
}

/* Marks the unsynced ops of @store synced from @first_seq on, as a server
 * would, and returns copies of them with their sequences. */
static GPtrArray *
push (IrStore *store,
      gint64   first_seq)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, G_MAXUINT);
  GPtrArray *pushed = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = ir_op_copy (g_ptr_array_index (ops, i));

      op->seq = first_seq + i;
      op->received = g_get_real_time ();
      ir_store_mark_synced (store, op->id, op->seq, op->received);
      g_ptr_array_add (pushed, op);
    }

  return pushed;
}

static void
pull (IrStore   *store,
      GPtrArray *ops)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_store_apply_remote (store, ops, &error));
  g_assert_no_error (error);
}

/* --- revisions ------------------------------------------------------------ */

static void
test_labels (void)
{
  static const struct { guint index; const char *label; } cases[] = {
    { 0, "A" }, { 1, "B" }, { 25, "Z" }, { 26, "AA" }, { 27, "AB" }, { 51, "AZ" },
    { 52, "BA" }, { 701, "ZZ" }, { 702, "AAA" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = ir_drawing_revision_label (cases[i].index);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_import_new_drawing (void)
{
  g_autoptr(IrStore) store = new_room ("import-new");
  g_auto(IrRevisionImportResult) result = { 0 };
  g_autoptr(IrEntity) revision = NULL;
  g_autoptr(IrEntity) drawing = NULL;
  g_autoptr(GBytes) preview = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *picture;

  import_demo (store, NULL, 'A', &result);
  g_assert_cmpstr (result.label, ==, "A");
  g_assert_cmpuint (result.n_carried, ==, 0);
  g_assert_cmpuint (result.n_notified, ==, 2);

  drawing = ir_store_get_entity (store, "drawing", result.drawing);
  g_assert_nonnull (drawing);
  g_assert_cmpstr (ir_entity_get_string (drawing, "number"), ==, "FV-150-001");
  g_assert_nonnull (ir_entity_get_string (drawing, "title"));
  g_assert_nonnull (ir_entity_get_string (drawing, "position"));

  revision = ir_store_get_entity (store, "revision", result.revision);
  g_assert_cmpint (ir_entity_get_int (revision, "pages"), ==, 1);
  g_assert_cmpint (ir_entity_get_int (revision, "size"), >, 1000);
  g_assert_true (ir_entity_get_boolean (revision, "has_text"));
  g_assert_cmpstr (ir_entity_get_string (revision, "uploaded_by"), ==, "alice");
  g_assert_cmpstr (ir_entity_get_string (revision, "filename"), ==, "FV-150-001-A.pdf");
  g_assert_cmpstr (ir_entity_get_string (revision, "note"), ==, "Face to face 410");
  g_assert_true (ir_blob_store_contains (ir_store_get_blobs (store),
                                         ir_entity_get_string (revision, "blob")));

  preview = ir_blob_store_load (ir_store_get_blobs (store),
                                ir_entity_get_string (revision, "preview"), &error);
  g_assert_no_error (error);
  picture = ir_pdf_preview_load (preview, &error);
  g_assert_no_error (error);
  g_assert_cmpint (MAX (cairo_image_surface_get_width (picture),
                        cairo_image_surface_get_height (picture)), ==, IR_PDF_PREVIEW_SIZE);
  cairo_surface_destroy (picture);

  ir_store_close (store);
}

static void
test_import_rejects_bad_files (void)
{
  g_autoptr(IrStore) store = new_room ("reject");
  g_auto(IrRevisionImportResult) result = { 0 };
  g_autofree char *empty = fixture_write_bytes (directory, "empty.pdf", "", 0);
  g_autofree char *text = fixture_write_bytes (directory, "notes.pdf", "not a drawing\n", 14);
  g_autofree char *encrypted = fixture_write_encrypted (directory, "secret");
  g_autofree char *zero = fixture_write_zero_pages (directory);
  g_autoptr(GBytes) bytes = demo_bytes ('A');
  g_autofree char *damaged = fixture_write_bytes (directory, "damaged.pdf",
                                                  g_bytes_get_data (bytes, NULL),
                                                  g_bytes_get_size (bytes) / 3);
  const char *paths[] = { empty, text, encrypted, zero, damaged };
  const int codes[] = {
    IR_PDF_ERROR_EMPTY, IR_PDF_ERROR_NOT_PDF, IR_PDF_ERROR_ENCRYPTED,
    IR_PDF_ERROR_NO_PAGES, IR_PDF_ERROR_DAMAGED,
  };
  guint n_ops;

  import_demo (store, NULL, 'A', &result);
  n_ops = ir_store_count_unpushed (store);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *revision = import_path (store, result.drawing, paths[i], &error);
      g_autofree char *name = g_path_get_basename (paths[i]);

      g_assert_null (revision);
      g_assert_error (error, IR_PDF_ERROR, codes[i]);
      g_assert_nonnull (strstr (error->message, name));
    }

  /* Over the size limit. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(IrRevisionImport) import =
      ir_revision_import_new_from_bytes (ir_store_get_blobs (store), bytes, "big.pdf", 1000,
                                         &error);

    g_assert_null (import);
    g_assert_error (error, IR_PDF_ERROR, IR_PDF_ERROR_TOO_LARGE);
  }

  g_assert_cmpuint (ir_store_count_unpushed (store), ==, n_ops);
  g_assert_cmpuint (count_children (store, "revision", "drawing", result.drawing), ==, 1);
  g_assert_cmpuint (count_all (store, "drawing"), ==, 1);

  ir_store_close (store);
}

static void
test_import_undo (void)
{
  g_autoptr(IrStore) store = new_room ("undo");
  g_auto(IrRevisionImportResult) a = { 0 };
  g_auto(IrRevisionImportResult) b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;

  import_demo (store, NULL, 'A', &a);
  markup = add_markup (store, a.drawing, a.revision, "cloud", 200, "Check the bore");
  import_demo (store, a.drawing, 'B', &b);
  g_assert_cmpuint (count_children (store, "revision", "drawing", a.drawing), ==, 2);
  g_assert_cmpuint (count_children (store, "markup_placement", "markup", markup), ==, 2);

  /* One undo takes back the revision, its carried markup and the inbox. */
  g_assert_true (ir_store_undo (store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_children (store, "revision", "drawing", a.drawing), ==, 1);
  g_assert_cmpuint (count_children (store, "markup_placement", "markup", markup), ==, 1);
  g_assert_cmpuint (count_all (store, "inbox_item"), ==, 2);

  ir_store_close (store);
}

static void
test_labels_follow_server_order (void)
{
  g_autoptr(IrStore) alice = new_room ("order-alice");
  g_autoptr(IrStore) bob = open_store ("order-bob", "bob", IR_ROLE_SR);
  g_auto(IrRevisionImportResult) a = { 0 };
  g_auto(IrRevisionImportResult) from_alice = { 0 };
  g_auto(IrRevisionImportResult) from_bob = { 0 };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) alice_ops = NULL;
  g_autoptr(GPtrArray) bob_ops = NULL;
  g_autoptr(GBytes) bytes = demo_bytes ('A');
  g_autoptr(GError) error = NULL;
  g_autofree char *copied = NULL;
  gint64 next;

  import_demo (alice, NULL, 'A', &a);
  first = push (alice, 1);
  pull (bob, first);
  copied = ir_blob_store_add_bytes (ir_store_get_blobs (bob), bytes, &error);
  g_assert_no_error (error);

  /* Both upload offline; each replica sees its own upload as B. */
  import_demo (alice, a.drawing, 'B', &from_alice);
  import_demo (bob, a.drawing, 'B', &from_bob);
  g_assert_cmpstr (from_alice.label, ==, "B");
  g_assert_cmpstr (from_bob.label, ==, "B");
  g_assert_cmpstr (label_of (alice, a.drawing, from_alice.revision), ==, "B");
  g_assert_cmpstr (label_of (bob, a.drawing, from_bob.revision), ==, "B");

  /* Bob's push reaches the server first. */
  next = first->len + 1;
  bob_ops = push (bob, next);
  alice_ops = push (alice, next + bob_ops->len);
  pull (alice, bob_ops);
  pull (bob, alice_ops);

  g_assert_cmpstr (label_of (alice, a.drawing, from_bob.revision), ==, "B");
  g_assert_cmpstr (label_of (alice, a.drawing, from_alice.revision), ==, "C");
  g_assert_cmpstr (label_of (bob, a.drawing, from_bob.revision), ==, "B");
  g_assert_cmpstr (label_of (bob, a.drawing, from_alice.revision), ==, "C");
  g_assert_cmpstr (label_of (bob, a.drawing, a.revision), ==, "A");

  ir_store_close (alice);
  ir_store_close (bob);
}

/* --- carrying markups forward --------------------------------------------- */

static void
test_carry_open_markups (void)
{
  g_autoptr(IrStore) store = new_room ("carry");
  g_auto(IrRevisionImportResult) a = { 0 };
  g_auto(IrRevisionImportResult) b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *open_cloud = NULL;
  g_autofree char *done_cloud = NULL;
  g_autofree char *pin = NULL;
  g_autofree char *reply = NULL;
  g_autoptr(IrEntity) carried = NULL;
  g_autoptr(IrEntity) original = NULL;
  g_autoptr(GPtrArray) placed = NULL;

  import_demo (store, NULL, 'A', &a);
  open_cloud = add_markup (store, a.drawing, a.revision, "cloud", 200, "Bore Ø150?");
  done_cloud = add_markup (store, a.drawing, a.revision, "rectangle", 400, "Drain hole");
  pin = add_markup (store, a.drawing, a.revision, "pin", 600, "Bolt count");
  reply = ir_markup_add_reply (store, open_cloud, "Changed to Ø152 in B", &error);
  g_assert_no_error (error);
  g_assert_true (ir_markup_set_field (store, done_cloud, "status", "done", &error));
  g_assert_no_error (error);

  import_demo (store, a.drawing, 'B', &b);
  g_assert_cmpuint (b.n_carried, ==, 2);
  g_assert_cmpuint (b.n_not_carried, ==, 0);

  carried = ir_markup_find_placement (store, open_cloud, b.revision);
  original = ir_markup_find_placement (store, open_cloud, a.revision);
  g_assert_nonnull (carried);
  g_assert_true (ir_entity_get_boolean (carried, "carried"));
  g_assert_false (ir_entity_get_boolean (original, "carried"));
  g_assert_cmpint (ir_entity_get_int (carried, "page"), ==, 0);
  g_assert_true (json_node_equal (ir_entity_get_value (carried, "geometry"),
                                  ir_entity_get_value (original, "geometry")));

  g_assert_null (ir_markup_find_placement (store, done_cloud, b.revision));
  g_assert_nonnull (ir_markup_find_placement (store, pin, b.revision));

  /* The thread stays one: the reply belongs to the markup, not a placement. */
  g_assert_cmpuint (count_children (store, "markup_reply", "markup", open_cloud), ==, 1);

  placed = ir_markup_list_placed (store, b.revision);
  g_assert_cmpuint (placed->len, ==, 2);

  ir_store_close (store);
}

static void
test_carry_follows_sheet_numbers (void)
{
  g_autoptr(IrStore) store = new_room ("carry-sheets");
  g_autofree char *old_path = fixture_write_sheets (directory, "old-sheets.pdf",
                                                    (const int[]) { 1, 2, 3 }, 3);
  g_autofree char *new_path = fixture_write_sheets (directory, "new-sheets.pdf",
                                                    (const int[]) { 3, 1 }, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntityList) drawings = NULL;
  g_autoptr(IrEntity) drawing = NULL;
  g_autofree char *old_revision = NULL;
  g_autofree char *new_revision = NULL;
  g_autofree char *on_sheet_1 = NULL;
  g_autofree char *on_sheet_2 = NULL;
  g_autofree char *on_sheet_3 = NULL;
  g_autoptr(IrEntity) placement_1 = NULL;
  g_autoptr(IrEntity) placement_3 = NULL;
  g_autoptr(JsonNode) pin = ir_markup_geometry_new_point (50, 50);

  old_revision = import_path (store, NULL, old_path, &error);
  g_assert_no_error (error);
  drawings = ir_store_list (store, "drawing");
  drawing = g_list_model_get_item (G_LIST_MODEL (drawings), 0);

  on_sheet_1 = ir_markup_create (store, ir_entity_get_id (drawing), old_revision, 0, "pin",
                                 pin, "one", NULL, &error);
  g_assert_no_error (error);
  on_sheet_2 = ir_markup_create (store, ir_entity_get_id (drawing), old_revision, 1, "pin",
                                 pin, "two", NULL, &error);
  g_assert_no_error (error);
  on_sheet_3 = ir_markup_create (store, ir_entity_get_id (drawing), old_revision, 2, "pin",
                                 pin, "three", NULL, &error);
  g_assert_no_error (error);

  new_revision = import_path (store, ir_entity_get_id (drawing), new_path, &error);
  g_assert_no_error (error);

  placement_1 = ir_markup_find_placement (store, on_sheet_1, new_revision);
  placement_3 = ir_markup_find_placement (store, on_sheet_3, new_revision);
  g_assert_nonnull (placement_1);
  g_assert_nonnull (placement_3);
  g_assert_cmpint (ir_entity_get_int (placement_1, "page"), ==, 1);
  g_assert_cmpint (ir_entity_get_int (placement_3, "page"), ==, 0);
  g_assert_null (ir_markup_find_placement (store, on_sheet_2, new_revision));

  ir_store_close (store);
}

static void
test_inbox_for_other_trio_members (void)
{
  g_autoptr(IrStore) store = new_room ("inbox");
  g_auto(IrRevisionImportResult) a = { 0 };
  g_auto(IrRevisionImportResult) b = { 0 };
  g_autoptr(IrEntityList) items = NULL;
  g_autoptr(GHashTable) recipients = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, NULL);
  guint n_items;

  import_demo (store, NULL, 'A', &a);
  import_demo (store, a.drawing, 'B', &b);
  g_assert_cmpuint (b.n_notified, ==, 2);

  items = ir_store_list (store, "inbox_item");
  n_items = g_list_model_get_n_items (G_LIST_MODEL (items));
  g_assert_cmpuint (n_items, ==, 4);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IrEntity) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      g_autoptr(IrEntity) member =
        ir_store_get_entity (store, "member", ir_entity_get_string (item, "recipient"));

      g_assert_cmpstr (ir_entity_get_string (item, "kind"), ==, "revision");
      g_assert_cmpstr (ir_entity_get_string (item, "author"), ==, "alice");
      if (g_strcmp0 (ir_entity_get_string (item, "subject"), b.revision) != 0)
        continue;

      g_assert_nonnull (strstr (ir_entity_get_string (item, "title"), "B"));
      g_assert_nonnull (strstr (ir_entity_get_string (item, "title"), "FV-150-001"));
      g_hash_table_add (recipients, g_strdup (ir_entity_get_string (member, "user")));
    }

  g_assert_cmpuint (g_hash_table_size (recipients), ==, 2);
  g_assert_true (g_hash_table_contains (recipients, "bob"));
  g_assert_true (g_hash_table_contains (recipients, "carol"));

  ir_store_close (store);
}

/* --- markups -------------------------------------------------------------- */

static void
test_markup_edits (void)
{
  g_autoptr(IrStore) store = new_room ("edits");
  g_auto(IrRevisionImportResult) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrEntity) placement = NULL;
  g_autoptr(JsonNode) moved = ir_markup_geometry_new_box (10, 20, 30, 40);
  g_autoptr(JsonNode) stroke = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  IrPdfRect box;
  char *reply;

  import_demo (store, NULL, 'A', &a);
  markup = add_markup (store, a.drawing, a.revision, "stamp", 100, NULL);
  entity = ir_store_get_entity (store, "markup", markup);
  g_assert_cmpstr (ir_entity_get_string (entity, "status"), ==, "open");
  g_assert_cmpstr (ir_entity_get_string (entity, "author"), ==, "alice");
  g_assert_cmpint (ir_entity_get_int (entity, "created"), >, 0);

  g_assert_true (ir_markup_set_field (store, markup, "stamp", "approved", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ir_entity_get_string (entity, "stamp"), ==, "approved");

  g_assert_false (ir_markup_set_field (store, markup, "author", "mallory", &error));
  g_assert_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ir_markup_set_field (store, markup, "status", "maybe", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  placement = ir_markup_find_placement (store, markup, a.revision);
  g_assert_true (ir_markup_set_geometry (store, ir_entity_get_id (placement), moved, &error));
  g_assert_no_error (error);
  g_assert_true (ir_markup_geometry_get_box (ir_entity_get_value (placement, "geometry"), &box));
  g_assert_cmpfloat (box.x, ==, 10);
  g_assert_cmpfloat (box.height, ==, 40);

  reply = ir_markup_add_reply (store, markup, "   ", &error);
  g_assert_null (reply);
  g_assert_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  /* A markup on a page the revision lacks is rejected. */
  stroke = ir_markup_geometry_new_point (1, 1);
  g_assert_null (ir_markup_create (store, a.drawing, a.revision, 3, "pin", stroke, NULL,
                                   NULL, &error));
  g_assert_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ir_markup_delete (store, markup, &error));
  g_assert_no_error (error);
  g_assert_null (ir_markup_find_placement (store, markup, a.revision));

  /* A deleted markup keeps its number. */
  g_free (add_markup (store, a.drawing, a.revision, "pin", 50, "Second"));
  numbers = ir_markup_get_numbers (store, a.drawing);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (numbers, markup)), ==, 1);
  g_assert_cmpuint (g_hash_table_size (numbers), ==, 2);

  ir_store_close (store);
}

static void
test_geometry (void)
{
  g_autofree double *xy = g_new (double, 2 * 5000);
  g_autoptr(JsonNode) stroke = NULL;
  g_autoptr(JsonNode) box = ir_markup_geometry_new_box (100, 50, -20, -10);
  g_autoptr(JsonNode) moved = NULL;
  g_autoptr(JsonNode) fitted = NULL;
  g_autoptr(GArray) points = NULL;
  g_autofree char *json = NULL;
  IrPdfRect rect, from, to;

  g_assert_true (ir_markup_geometry_get_box (box, &rect));
  g_assert_cmpfloat (rect.x, ==, 80);
  g_assert_cmpfloat (rect.y, ==, 40);
  g_assert_cmpfloat (rect.width, ==, 20);
  g_assert_cmpfloat (rect.height, ==, 10);

  moved = ir_markup_geometry_translate (box, 5, -5);
  g_assert_true (ir_markup_geometry_get_box (moved, &rect));
  g_assert_cmpfloat (rect.x, ==, 85);
  g_assert_cmpfloat (rect.y, ==, 35);

  from = (IrPdfRect) { 80, 40, 20, 10 };
  to = (IrPdfRect) { 0, 0, 40, 40 };
  fitted = ir_markup_geometry_fit (box, &from, &to);
  g_assert_true (ir_markup_geometry_get_box (fitted, &rect));
  g_assert_cmpfloat (rect.width, ==, 40);
  g_assert_cmpfloat (rect.height, ==, 40);

  /* A long wobbly stroke fits a value and keeps its ends. */
  for (guint i = 0; i < 5000; i++)
    {
      xy[2 * i] = i * 0.5;
      xy[2 * i + 1] = 100 + 15 * sin (i / 40.0) + (i % 3) * 0.05;
    }
  stroke = ir_markup_geometry_new_points (xy, 5000, 0.2);
  json = json_to_string (stroke, FALSE);
  g_assert_cmpuint (strlen (json), <, 16 * 1024);
  points = ir_markup_geometry_get_points (stroke);
  g_assert_cmpuint (points->len, >=, 4);
  g_assert_cmpfloat (g_array_index (points, double, 0), ==, 0);
  g_assert_cmpfloat (g_array_index (points, double, points->len - 2), ==, 4999 * 0.5);
  g_assert_true (ir_markup_geometry_get_bounds (stroke, &rect));
  g_assert_cmpfloat (rect.width, ==, 4999 * 0.5);
  g_assert_cmpfloat (rect.height, >=, 29);

  /* A stroke too busy to simplify keeps its extent. */
  for (guint i = 0; i < 5000; i++)
    xy[2 * i + 1] = 100 + 30 * ((i / 3) % 2);
  g_clear_pointer (&stroke, json_node_unref);
  g_clear_pointer (&json, g_free);
  stroke = ir_markup_geometry_new_points (xy, 5000, 0.2);
  json = json_to_string (stroke, FALSE);
  g_assert_cmpuint (strlen (json), <, 16 * 1024);
  g_assert_true (ir_markup_geometry_get_bounds (stroke, &rect));
  g_assert_cmpfloat (rect.width, ==, 4999 * 0.5);
  g_assert_cmpfloat (rect.height, ==, 30);
}

/* --- history -------------------------------------------------------------- */

static const IrMarkupChange *
find_change (GPtrArray  *changes,
             const char *markup)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const IrMarkupChange *change = g_ptr_array_index (changes, i);

      if (g_str_equal (change->markup, markup))
        return change;
    }

  return NULL;
}

static void
test_markup_history_compare (void)
{
  g_autoptr(IrStore) store = new_room ("history");
  g_auto(IrRevisionImportResult) a = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *untouched = NULL;
  g_autofree char *added = NULL;
  g_autofree char *reply = NULL;
  g_autoptr(IrEntity) placement = NULL;
  g_autoptr(JsonNode) box = ir_markup_geometry_new_box (1, 2, 3, 4);
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) back = NULL;
  const IrMarkupChange *change;
  gint64 before, after;

  import_demo (store, NULL, 'A', &a);
  resolved = add_markup (store, a.drawing, a.revision, "cloud", 100, "Bore");
  edited = add_markup (store, a.drawing, a.revision, "pin", 200, "Bolts 8");
  removed = add_markup (store, a.drawing, a.revision, "rectangle", 300, "Typo");
  moved = add_markup (store, a.drawing, a.revision, "arrow", 400, "Drain");
  untouched = add_markup (store, a.drawing, a.revision, "text", 500, "Note");
  before = ir_drawing_history_now (store);

  g_assert_true (ir_markup_set_field (store, resolved, "status", "accepted", &error));
  g_assert_true (ir_markup_set_field (store, edited, "text", "Bolts 12", &error));
  g_assert_true (ir_markup_delete (store, removed, &error));
  placement = ir_markup_find_placement (store, moved, a.revision);
  g_assert_true (ir_markup_set_geometry (store, ir_entity_get_id (placement), box, &error));
  reply = ir_markup_add_reply (store, untouched, "Seen", &error);
  added = add_markup (store, a.drawing, a.revision, "stamp", 600, NULL);
  g_assert_no_error (error);
  after = ir_drawing_history_now (store);
  g_assert_cmpint (after, >, before);

  changes = ir_markup_history_compare (store, a.drawing, before, after);
  g_assert_cmpuint (changes->len, ==, 6);

  change = find_change (changes, resolved);
  g_assert_cmpint (change->kind, ==, IR_MARKUP_CHANGE_RESOLVED);
  g_assert_cmpstr (change->old_status, ==, "open");
  g_assert_cmpstr (change->new_status, ==, "accepted");
  g_assert_true (g_strv_contains ((const char * const *) change->fields, "status"));

  change = find_change (changes, edited);
  g_assert_cmpint (change->kind, ==, IR_MARKUP_CHANGE_CHANGED);
  g_assert_cmpstr (change->text, ==, "Bolts 12");
  g_assert_true (g_strv_contains ((const char * const *) change->fields, "text"));

  change = find_change (changes, removed);
  g_assert_cmpint (change->kind, ==, IR_MARKUP_CHANGE_REMOVED);
  g_assert_cmpstr (change->text, ==, "Typo");
  g_assert_null (change->new_status);

  change = find_change (changes, moved);
  g_assert_cmpint (change->kind, ==, IR_MARKUP_CHANGE_CHANGED);
  g_assert_true (g_strv_contains ((const char * const *) change->fields, "geometry"));

  change = find_change (changes, untouched);
  g_assert_cmpint (change->kind, ==, IR_MARKUP_CHANGE_CHANGED);
  g_assert_cmpuint (change->new_replies, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) change->fields, "replies"));

  change = find_change (changes, added);
  g_assert_cmpint (change->kind, ==, IR_MARKUP_CHANGE_ADDED);
  g_assert_cmpstr (change->markup_kind, ==, "stamp");
  g_assert_null (change->old_status);
  g_assert_cmpuint (change->number, ==, 6);

  /* One point against itself shows nothing; backwards swaps added and removed. */
  none = ir_markup_history_compare (store, a.drawing, after, after);
  g_assert_cmpuint (none->len, ==, 0);
  back = ir_markup_history_compare (store, a.drawing, after, before);
  g_assert_cmpint (find_change (back, added)->kind, ==, IR_MARKUP_CHANGE_REMOVED);
  g_assert_cmpint (find_change (back, removed)->kind, ==, IR_MARKUP_CHANGE_ADDED);

  /* Positions of synced ops are their sequences. */
  g_ptr_array_unref (push (store, 1));
  g_assert_cmpint (ir_drawing_history_now (store), ==, after);
  g_assert_cmpint (ir_drawing_history_position_of (store, added), >, before);
  g_assert_cmpint (ir_drawing_history_position_of (store, resolved), <=, before);

  ir_store_close (store);
}

/* --- CSV ------------------------------------------------------------------ */

static void
test_export_csv (void)
{
  g_autoptr(IrStore) store = new_room ("csv");
  g_auto(IrRevisionImportResult) a = { 0 };
  g_auto(IrRevisionImportResult) b = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv_b = NULL;
  g_auto(GStrv) lines = NULL;

  import_demo (store, NULL, 'A', &a);
  first = add_markup (store, a.drawing, a.revision, "cloud", 100, "Bore \"Ø150\", check\nagain");
  second = add_markup (store, a.drawing, a.revision, "pin", 200, "=SUM(A1)");
  g_free (ir_markup_add_reply (store, first, "Done in B", &error));
  g_assert_no_error (error);
  g_assert_true (ir_markup_set_field (store, second, "status", "done", &error));
  import_demo (store, a.drawing, 'B', &b);

  csv = ir_markup_export_csv (store, a.drawing, NULL);
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (csv, "\"Bore \"\"Ø150\"\", check\nagain\""));
  g_assert_nonnull (strstr (csv, "\"'=SUM(A1)\""));
  g_assert_nonnull (strstr (csv, "alice ("));
  g_assert_nonnull (strstr (csv, ": Done in B"));

  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[1], "1,B,1,"));
  g_assert_true (g_str_has_prefix (lines[2], "2,A,1,"));
  g_assert_cmpstr (lines[3], ==, "");

  /* On revision B, only the carried open markup. */
  csv_b = ir_markup_export_csv (store, a.drawing, b.revision);
  g_assert_nonnull (strstr (csv_b, "Bore"));
  g_assert_null (strstr (csv_b, "SUM"));

  ir_store_close (store);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  directory = g_dir_make_tmp ("ironroom-drawing-model-XXXXXX", NULL);
  g_assert_nonnull (directory);

  g_test_add_func ("/drawing-model/revision/labels", test_labels);
  g_test_add_func ("/drawing-model/revision/import-new-drawing", test_import_new_drawing);
  g_test_add_func ("/drawing-model/revision/reject-bad-files", test_import_rejects_bad_files);
  g_test_add_func ("/drawing-model/revision/undo-import", test_import_undo);
  g_test_add_func ("/drawing-model/revision/server-order", test_labels_follow_server_order);
  g_test_add_func ("/drawing-model/carry/open-markups", test_carry_open_markups);
  g_test_add_func ("/drawing-model/carry/sheet-numbers", test_carry_follows_sheet_numbers);
  g_test_add_func ("/drawing-model/carry/inbox", test_inbox_for_other_trio_members);
  g_test_add_func ("/drawing-model/markup/edits", test_markup_edits);
  g_test_add_func ("/drawing-model/markup/geometry", test_geometry);
  g_test_add_func ("/drawing-model/markup/history", test_markup_history_compare);
  g_test_add_func ("/drawing-model/markup/csv", test_export_csv);

  status = g_test_run ();

  remove_tree (directory);
  g_free (directory);

  return status;
}
