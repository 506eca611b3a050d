/* test-ui-drawings.c: the drawings page on the demo room, run under Xvfb
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviews a demo drawing as a member would: marks it up, replies, resolves,
 * uploads a new revision and compares it with the one before. The page is
 * driven through its actions and widgets, and the store shows what
 * happened.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "drawings/ir-drawing-compare-view.h"
#include "drawings/ir-drawings-page.h"
#include "drawings/ir-markup-panel.h"
#include "drawings/ir-pdf-thumbnails.h"
#include "drawings/ir-pdf-view.h"
#include "drawing-fixtures.h"
#include "ir-demo-drawings.h"
#include "ir-drawing-model.h"
#include "ir-hlc.h"
#include "ir-ui-test-util.h"

static char *directory;

/* --- a notification server ------------------------------------------------ */

/* The test's D-Bus session has no notification server, so the test runs
 * one: it records the summary of each notification GIO sends. */
static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  "    <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GPtrArray *notified;

static void
notifications_method_cb (GDBusConnection       *connection,
                         const char            *sender,
                         const char            *path,
                         const char            *interface,
                         const char            *method,
                         GVariant              *parameters,
                         GDBusMethodInvocation *invocation,
                         gpointer               data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *summary;

      g_variant_get_child (parameters, 3, "&s", &summary);
      g_ptr_array_add (notified, g_strdup (summary));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notified->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(@as [],)"));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "test", "Iron Room",
                                                          "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
start_notification_server (void)
{
  static const GDBusInterfaceVTable vtable = { notifications_method_cb };
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;

  g_assert_nonnull (node);
  g_assert_nonnull (bus);
  notified = g_ptr_array_new_with_free_func (g_free);
  g_assert_cmpuint (g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications",
                                                       node->interfaces[0], &vtable, NULL,
                                                       NULL, NULL), >, 0);
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  g_assert_nonnull (reply);
}

static gboolean
notification_arrived (gpointer data)
{
  return notified->len > GPOINTER_TO_UINT (data);
}

/* --- helpers -------------------------------------------------------------- */

static IrDrawingsPage *
open_demo_drawings (IrApplication *app)
{
  IrWindow *window = ir_application_get_main_window (app);
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_assert_true (ir_application_open_demo (app, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "room.page", "s", "drawings"));
  ir_ui_test_iterate (50);

  page = ir_ui_test_find_by_type (GTK_WIDGET (window), IR_TYPE_DRAWINGS_PAGE);
  g_assert_nonnull (page);
  g_assert_nonnull (ir_drawings_page_get_store (IR_DRAWINGS_PAGE (page)));
  g_assert_nonnull (ir_drawings_page_get_drawing (IR_DRAWINGS_PAGE (page)));

  return IR_DRAWINGS_PAGE (page);
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

static gboolean
picture_shown (gpointer data)
{
  return ir_pdf_view_get_picture_state (data) != IR_PDF_PICTURE_NONE;
}

static gboolean
page_sharp (gpointer data)
{
  return ir_pdf_view_get_picture_state (data) == IR_PDF_PICTURE_SHARP;
}

static gboolean
laid_out (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

static gboolean
import_done (gpointer data)
{
  return !ir_drawings_page_is_importing (data);
}

static gboolean
compare_done (gpointer data)
{
  return !ir_drawing_compare_view_is_busy (data);
}

/* Writes the body drawing's @revision in the demo room's language, which
 * follows the locale as the app's demo does. */
static char *
write_demo_revision (char revision)
{
  gboolean english = g_str_has_prefix (g_get_language_names ()[0], "en");
  g_autofree char *path = g_build_filename (directory, "FV-150-001-C.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GDate today;

  /* Revision C goes back to the first issue's geometry, a change that the
   * compare must find against B. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_assert_true (ir_demo_drawing_write (IR_DEMO_DRAWING_BODY, revision, english, &today, path,
                                        &error));
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Saves the window as IR_TEST_SCREENSHOTS/NAME.png when that variable
 * names a folder, so that a reviewer can look at the states the test
 * reaches. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *folder = g_getenv ("IR_TEST_SCREENSHOTS");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (folder == NULL)
    return;

  ir_ui_test_iterate (300);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (window),
                          gtk_widget_get_height (window));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         NULL);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = ir_ui_test_find_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* --- tests ---------------------------------------------------------------- */

static void
test_drawings_review_round (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrDrawingsPage *page = open_demo_drawings (app);
  GtkWidget *root = GTK_WIDGET (page);
  IrStore *store = ir_drawings_page_get_store (page);
  IrPdfView *view = IR_PDF_VIEW (find (root, "drawing-view"));
  IrMarkupPanel *panel = IR_MARKUP_PANEL (ir_ui_test_find_by_type (root, IR_TYPE_MARKUP_PANEL));
  g_autofree char *drawing = g_strdup (ir_drawings_page_get_drawing (page));
  g_autofree char *revision_b = g_strdup (ir_drawings_page_get_revision (page));
  g_autofree char *markup = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GError) error = NULL;
  IrPdfRect box = { 400, 300, 120, 80 };
  guint n_rows, n_inbox;
  GtkWidget *entry;

  /* The sheet shows at once, then sharp. */
  g_assert_true (ir_ui_test_wait_until (picture_shown, view, 5000));
  g_assert_true (ir_ui_test_wait_until (page_sharp, view, 10000));
  revisions = ir_drawing_list_revisions (store, drawing);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (ir_entity_get_id (((IrRevisionInfo *) revisions->pdata[1])->entity),
                   ==, revision_b);

  /* Add a cloud, as a drag with the cloud tool does. */
  n_rows = ir_markup_panel_get_n_rows (panel);
  g_assert_true (ir_drawings_page_add_markup (page, "cloud", &box, &error));
  g_assert_no_error (error);
  ir_ui_test_iterate (30);
  g_assert_cmpuint (ir_markup_panel_get_n_rows (panel), ==, n_rows + 1);
  markup = g_strdup (ir_markup_panel_get_selected (panel));
  g_assert_nonnull (markup);
  entity = ir_store_get_entity (store, "markup", markup);
  g_assert_cmpstr (ir_entity_get_string (entity, "kind"), ==, "cloud");
  g_assert_cmpstr (ir_entity_get_string (entity, "status"), ==, "open");

  /* Reply in its thread. */
  entry = find (root, "markup-reply-entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Checked with the casting supplier");
  g_signal_emit_by_name (entry, "activate");
  ir_ui_test_iterate (30);
  g_assert_cmpuint (count_children (store, "markup_reply", "markup", markup), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  save_screenshot (root, "viewer-markup");

  /* The thread goes out with the markups as CSV. */
  {
    g_autofree char *csv_path = g_build_filename (directory, "markups.csv", NULL);
    g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
    g_autofree char *csv = NULL;
    g_auto(GStrv) lines = NULL;

    g_assert_true (ir_markup_panel_export (panel, csv_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
    g_assert_nonnull (strstr (csv, "Checked with the casting supplier"));
    lines = g_strsplit (csv, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), >=, 3);
  }

  /* Resolve it, then undo and redo through the app's actions. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find (root, "markup-status")), 3);
  ir_ui_test_iterate (30);
  g_assert_cmpstr (ir_entity_get_string (entity, "status"), ==, "done");
  g_assert_true (gtk_widget_activate_action (root, "room.undo", NULL));
  ir_ui_test_iterate (30);
  g_assert_cmpstr (ir_entity_get_string (entity, "status"), ==, "open");
  g_assert_true (gtk_widget_activate_action (root, "room.redo", NULL));
  ir_ui_test_iterate (30);
  g_assert_cmpstr (ir_entity_get_string (entity, "status"), ==, "done");

  /* Upload revision C. */
  {
    g_autoptr(IrEntityList) inbox = ir_store_list (store, "inbox_item");

    n_inbox = g_list_model_get_n_items (G_LIST_MODEL (inbox));
  }
  path = write_demo_revision ('A');
  g_assert_true (gtk_widget_activate_action (root, "drawings.import-file", "(ss)", path,
                                             "Back to the first issue's face to face"));
  g_assert_true (ir_drawings_page_is_importing (page));
  g_assert_true (ir_ui_test_wait_until (import_done, page, 20000));
  ir_ui_test_iterate (50);

  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = ir_drawing_list_revisions (store, drawing);
  g_assert_cmpuint (revisions->len, ==, 3);
  g_assert_cmpstr (((IrRevisionInfo *) revisions->pdata[2])->label, ==, "C");
  g_assert_cmpstr (ir_drawings_page_get_revision (page), ==,
                   ir_entity_get_id (((IrRevisionInfo *) revisions->pdata[2])->entity));

  /* The resolved cloud stays behind; the demo's open markups come along. */
  g_assert_null (ir_markup_find_placement (store, markup, ir_drawings_page_get_revision (page)));
  g_assert_cmpuint (ir_markup_panel_get_n_rows (panel), >, 0);
  {
    g_autoptr(IrEntityList) inbox = ir_store_list (store, "inbox_item");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (inbox)), ==, n_inbox + 2);
  }

  /* Compare C with B: the changed face to face must be found. */
  g_assert_true (gtk_widget_activate_action (root, "drawings.compare", NULL));
  {
    IrDrawingCompareView *compare =
      IR_DRAWING_COMPARE_VIEW (ir_ui_test_find_by_type (root, IR_TYPE_DRAWING_COMPARE_VIEW));
    GtkWidget *regions = find (root, "compare-regions");
    IrPdfView *new_view, *old_view;
    double fitted;
    guint n_regions;

    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (compare)));
    g_assert_true (ir_ui_test_wait_until (compare_done, compare, 30000));
    n_regions = ir_drawing_compare_view_get_n_regions (compare);
    g_assert_cmpuint (n_regions, >, 0);
    g_assert_cmpuint (ir_ui_test_count_rows (regions), ==, n_regions);
    g_assert_true (ir_drawing_compare_view_get_text_compared (compare));
    g_assert_cmpuint (ir_drawing_compare_view_get_n_text_changes (compare), >, 0);
    save_screenshot (root, "compare-overlay");

    /* A click on a region zooms to it, and the old revision follows. */
    ir_drawing_compare_view_set_side_by_side (compare, TRUE);
    new_view = IR_PDF_VIEW (find (root, "compare-new-view"));
    old_view = IR_PDF_VIEW (find (root, "compare-old-view"));
    g_assert_true (ir_ui_test_wait_until (laid_out, new_view, 5000));
    ir_ui_test_iterate (50);
    fitted = ir_pdf_view_get_zoom (new_view);
    g_signal_emit_by_name (regions, "row-activated",
                           gtk_list_box_get_row_at_index (GTK_LIST_BOX (regions), 0));
    ir_ui_test_iterate (50);
    g_assert_cmpfloat (ir_pdf_view_get_zoom (new_view), >, fitted);
    g_assert_cmpfloat (ir_pdf_view_get_zoom (old_view), ==, ir_pdf_view_get_zoom (new_view));
    g_assert_true (ir_ui_test_wait_until (page_sharp, new_view, 10000));
    save_screenshot (root, "compare-side-by-side");

    /* Ignoring the whole sheet leaves nothing changed. */
    g_assert_true (ir_drawing_compare_view_add_ignore_region (compare, 0, 0, 5000, 5000,
                                                              &error));
    g_assert_no_error (error);
    ir_ui_test_iterate (50);
    g_assert_true (ir_ui_test_wait_until (compare_done, compare, 30000));
    g_assert_cmpuint (ir_drawing_compare_view_get_n_regions (compare), ==, 0);
    g_assert_cmpuint (count_children (store, "ignore_region", "drawing", drawing), ==, 1);
  }

  ir_ui_test_stop_app (app);
}

static void
test_drawings_bad_file (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrDrawingsPage *page = open_demo_drawings (app);
  IrStore *store = ir_drawings_page_get_store (page);
  g_autofree char *path = g_build_filename (directory, "notes.pdf", NULL);
  g_autofree char *drawing = g_strdup (ir_drawings_page_get_drawing (page));
  guint n_revisions = count_children (store, "revision", "drawing", drawing);
  guint n_unpushed = ir_store_count_unpushed (store);
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, "meeting notes, not a drawing\n", -1, NULL));
  g_test_expect_message ("ironroom-ui", G_LOG_LEVEL_WARNING, "*notes.pdf*");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "drawings.import-file", "(ss)",
                                             path, ""));
  g_assert_true (ir_ui_test_wait_until (import_done, page, 10000));
  ir_ui_test_iterate (50);
  g_test_assert_expected_messages ();

  /* The room is as it was, and a dialog gives the reason. */
  g_assert_cmpuint (count_children (store, "revision", "drawing", drawing), ==, n_revisions);
  g_assert_cmpuint (ir_store_count_unpushed (store), ==, n_unpushed);
  dialog = ir_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);

  ir_ui_test_stop_app (app);
}

static void
test_drawings_zoom_and_pages (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrDrawingsPage *page = open_demo_drawings (app);
  GtkWidget *root = GTK_WIDGET (page);
  IrPdfView *view = IR_PDF_VIEW (find (root, "drawing-view"));
  IrPdfDocumentModel *model = ir_pdf_view_get_model (view);
  double fitted;

  g_assert_true (ir_ui_test_wait_until (picture_shown, view, 5000));
  g_assert_cmpint (ir_pdf_document_model_get_sizing_mode (model), ==, IR_PDF_SIZING_FIT_PAGE);
  fitted = ir_pdf_document_model_get_zoom (model);

  g_assert_true (gtk_widget_activate_action (root, "drawings.zoom", "d", 2.0));
  ir_ui_test_iterate (30);
  g_assert_cmpfloat_with_epsilon (ir_pdf_document_model_get_zoom (model), fitted * 2, 1e-6);
  g_assert_cmpint (ir_pdf_document_model_get_sizing_mode (model), ==, IR_PDF_SIZING_FREE);
  g_assert_true (ir_ui_test_wait_until (page_sharp, view, 10000));

  g_assert_true (gtk_widget_activate_action (root, "drawings.fit", "s", "width"));
  ir_ui_test_iterate (30);
  g_assert_cmpint (ir_pdf_document_model_get_sizing_mode (model), ==, IR_PDF_SIZING_FIT_WIDTH);
  g_assert_cmpfloat (ir_pdf_document_model_get_zoom (model), >=, fitted);

  /* The tool buttons are a stateful action. */
  g_assert_true (gtk_widget_activate_action (root, "drawings.tool", "s", "cloud"));
  g_assert_true (gtk_widget_activate_action (root, "drawings.escape", NULL));
  {
    g_autofree char *tool = NULL;

    g_object_get (page, "tool", &tool, NULL);
    g_assert_cmpstr (tool, ==, "select");
  }

  ir_ui_test_stop_app (app);
}

static gboolean
thumbnails_listed (gpointer data)
{
  return ir_pdf_thumbnails_get_n_shown (data) == 3;
}

static void
import_and_wait (IrDrawingsPage *page,
                 const char     *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "drawings.import-file", "(ss)",
                                             path, ""));
  g_assert_true (ir_ui_test_wait_until (import_done, page, 20000));
  ir_ui_test_iterate (50);
}

/* A set of sheets shows its pages, and the compare pairs them up. */
static void
test_drawings_sheet_set (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrDrawingsPage *page = open_demo_drawings (app);
  GtkWidget *root = GTK_WIDGET (page);
  IrPdfView *view = IR_PDF_VIEW (find (root, "drawing-view"));
  IrPdfDocumentModel *model = ir_pdf_view_get_model (view);
  IrDrawingCompareView *compare =
    IR_DRAWING_COMPARE_VIEW (ir_ui_test_find_by_type (root, IR_TYPE_DRAWING_COMPARE_VIEW));
  g_autofree char *first = fixture_write_sheets (directory, "set-1.pdf",
                                                 (const int[]) { 1, 2, 3 }, 3);
  g_autofree char *second = fixture_write_sheets (directory, "set-2.pdf",
                                                  (const int[]) { 3, 1, 2 }, 3);
  GtkWidget *thumbnails;
  gboolean shown;

  import_and_wait (page, first);
  thumbnails = ir_ui_test_find_by_type (root, IR_TYPE_PDF_THUMBNAILS);
  g_assert_true (ir_ui_test_wait_until (thumbnails_listed, thumbnails, 5000));
  g_object_get (page, "show-thumbnails", &shown, NULL);
  g_assert_true (shown);
  ir_pdf_document_model_set_page (model, 2);
  ir_ui_test_iterate (30);
  g_assert_cmpint (ir_pdf_document_model_get_page (model), ==, 2);
  g_assert_true (ir_ui_test_wait_until (picture_shown, view, 10000));

  /* The reordered set compares sheet with sheet, not page with page. */
  import_and_wait (page, second);
  g_assert_true (gtk_widget_activate_action (root, "drawings.compare", NULL));
  g_assert_true (ir_ui_test_wait_until (compare_done, compare, 30000));
  g_assert_true (gtk_widget_get_visible (find (root, "compare-pair")));
  g_assert_cmpuint (ir_drawing_compare_view_get_n_regions (compare), ==, 0);

  ir_ui_test_stop_app (app);
}

/* A scan or an outline export has no text, and the compare says so. */
static void
test_drawings_no_text_layer (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrDrawingsPage *page = open_demo_drawings (app);
  GtkWidget *root = GTK_WIDGET (page);
  IrDrawingCompareView *compare =
    IR_DRAWING_COMPARE_VIEW (ir_ui_test_find_by_type (root, IR_TYPE_DRAWING_COMPARE_VIEW));
  g_autofree char *base = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *outlines = fixture_write_sheet (directory, FIXTURE_NO_TEXT);

  import_and_wait (page, base);
  import_and_wait (page, outlines);
  g_assert_true (gtk_widget_activate_action (root, "drawings.compare", NULL));
  g_assert_true (ir_ui_test_wait_until (compare_done, compare, 30000));
  g_assert_false (ir_drawing_compare_view_get_text_compared (compare));
  g_assert_true (gtk_widget_get_visible (find (root, "compare-notice")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find (root, "compare-notice"))), ==,
                   "No text layer: compared by pixels");

  ir_ui_test_stop_app (app);
}

/* A revision uploaded by another member reaches the desktop. */
static void
test_drawings_notify_remote_revision (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrDrawingsPage *page = open_demo_drawings (app);
  IrStore *store = ir_drawings_page_get_store (page);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = ir_uuid_new ();
  const char *drawing = ir_drawings_page_get_drawing (page);
  const char *blob;
  static const char *client = "fedcba9876543210fedcba9876543210";
  const char *fields[] = { "drawing", "blob", "uploaded_by", "note" };
  guint before = ir_drawings_page_get_n_notified (page);
  guint sent = notified->len;

  revisions = ir_drawing_list_revisions (store, drawing);
  blob = ir_entity_get_string (((IrRevisionInfo *) revisions->pdata[0])->entity, "blob");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      IrOp *op = ir_op_new ();
      const char *values[] = { drawing, blob, "lina", "Same sheet, new stamp" };

      op->id = g_strdup_printf ("%s:%u", client, i + 1);
      op->room = g_strdup (ir_store_get_room_id (store));
      op->tx = g_strdup_printf ("%s:1", client);
      op->entity = g_strdup ("revision");
      op->eid = g_strdup (eid);
      op->field = g_strdup (fields[i]);
      op->value = json_node_init_string (json_node_alloc (), values[i]);
      op->hlc = ir_hlc_make (g_get_real_time () / 1000, i);
      op->actor = g_strdup ("lina");
      op->schema = IR_SCHEMA_VERSION;
      op->seq = 100000 + i;
      op->received = g_get_real_time ();
      g_ptr_array_add (ops, op);
    }

  g_assert_true (ir_store_apply_remote (store, ops, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ir_drawings_page_get_n_notified (page), ==, before + 1);
  g_assert_true (ir_ui_test_wait_until (notification_arrived, GUINT_TO_POINTER (sent), 5000));
  g_assert_nonnull (strstr (g_ptr_array_index (notified, sent), "FV-150-001"));

  ir_ui_test_stop_app (app);
}

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

int
main (int   argc,
      char *argv[])
{
  int status;

  ir_ui_test_init (&argc, &argv);
  start_notification_server ();
  directory = g_dir_make_tmp ("ironroom-ui-drawings-XXXXXX", NULL);
  g_assert_nonnull (directory);

  g_test_add_func ("/ui-drawings/review-round", test_drawings_review_round);
  g_test_add_func ("/ui-drawings/bad-file", test_drawings_bad_file);
  g_test_add_func ("/ui-drawings/zoom-and-fit", test_drawings_zoom_and_pages);
  g_test_add_func ("/ui-drawings/notify-remote", test_drawings_notify_remote_revision);
  g_test_add_func ("/ui-drawings/sheet-set", test_drawings_sheet_set);
  g_test_add_func ("/ui-drawings/no-text-layer", test_drawings_no_text_layer);

  status = g_test_run ();

  remove_tree (directory);
  g_free (directory);

  return status;
}
