/* test-ui-shell.c: the app shell, run in-process under Xvfb
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "ir-connect-dialog.h"
#include "ir-history-dialog.h"
#include "ir-new-room-dialog.h"
#include "ir-trash-dialog.h"
#include "ir-ui-test-util.h"

static const char * const pages[] = { "map", "drawings", "plan", "risks" };

/* --- helpers -------------------------------------------------------------- */

static IrWindow *
open_sample_room (IrApplication *app,
                  gboolean       chinese)
{
  IrWindow *window = ir_application_get_main_window (app);
  IrRoomInfo *room = ir_ui_test_create_sample_room (ir_application_get_rooms (app), chinese);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-room", "s",
                              ir_room_info_get_id (room));
  g_object_unref (room);
  ir_ui_test_iterate (50);

  g_assert_nonnull (ir_window_get_store (window));

  return window;
}

static IrEntity *
first_stakeholder (IrStore *store)
{
  g_autoptr(IrEntityList) people = ir_store_list (store, "stakeholder");

  return g_list_model_get_item (G_LIST_MODEL (people), 0);
}

static guint
count_visible (IrStore    *store,
               const char *kind)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, kind);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static gboolean
unread_is_one (gpointer data)
{
  return ir_window_get_unread_count (data) == 1;
}

/* --- tests ---------------------------------------------------------------- */

static void
test_shell_first_start (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = ir_application_get_main_window (app);
  GtkWidget *demo_row = ir_ui_test_find_named (GTK_WIDGET (window), "welcome-demo");

  g_assert_nonnull (demo_row);
  g_assert_true (gtk_widget_get_mapped (demo_row));
  g_assert_null (ir_window_get_store (window));
  g_assert_false (gtk_widget_get_mapped (ir_ui_test_find_named (GTK_WIDGET (window),
                                                                "room-list")));

  ir_ui_test_stop_app (app);
}

/* Returns the page widget in view, which modules replace by their own. */
static GtkWidget *
get_visible_page (IrWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ir_ui_test_find_by_type (GTK_WIDGET (window),
                                                                  ADW_TYPE_VIEW_STACK));

  return adw_view_stack_get_visible_child (stack);
}

static void
test_shell_visit_pages (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_sample_room (app, FALSE);
  GtkWidget *root = GTK_WIDGET (window);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(IrStore) page_store = NULL;
      GtkWidget *page;

      g_assert_true (gtk_widget_activate_action (root, "room.page", "s", pages[i]));
      ir_ui_test_iterate (30);
      g_assert_cmpstr (ir_window_get_page (window), ==, pages[i]);

      /* Each page gets the room when it is first shown. */
      page = get_visible_page (window);
      g_assert_true (gtk_widget_get_mapped (page));
      g_object_get (page, "store", &page_store, NULL);
      g_assert_true (page_store == ir_window_get_store (window));
    }

  ir_ui_test_stop_app (app);
}

static void
test_shell_trash_and_restore (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_sample_room (app, FALSE);
  GtkWidget *root = GTK_WIDGET (window);
  IrStore *store = ir_window_get_store (window);
  g_autoptr(IrEntity) person = first_stakeholder (store);
  g_autofree char *eid = g_strdup (ir_entity_get_id (person));
  GtkWindow *trash;

  g_assert_true (gtk_widget_activate_action (root, "room.trash-item", "(ss)",
                                             "stakeholder", eid));
  ir_ui_test_iterate (30);
  g_assert_cmpuint (count_visible (store, "stakeholder"), ==, IR_SAMPLE_STAKEHOLDERS - 1);

  g_assert_true (gtk_widget_activate_action (root, "room.show-trash", NULL));
  ir_ui_test_iterate (30);
  trash = ir_ui_test_find_toplevel (IR_TYPE_TRASH_DIALOG);
  g_assert_nonnull (trash);
  g_assert_cmpuint (ir_trash_dialog_get_n_rows (IR_TRASH_DIALOG (trash)), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore", "(ss)",
                                             "stakeholder", eid));
  ir_ui_test_iterate (30);
  g_assert_cmpuint (ir_trash_dialog_get_n_rows (IR_TRASH_DIALOG (trash)), ==, 0);
  g_assert_cmpuint (count_visible (store, "stakeholder"), ==, IR_SAMPLE_STAKEHOLDERS);
  gtk_window_destroy (trash);

  ir_ui_test_stop_app (app);
}

static void
test_shell_undo_redo (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_sample_room (app, FALSE);
  GtkWidget *root = GTK_WIDGET (window);
  IrStore *store = ir_window_get_store (window);
  g_autoptr(IrEntity) person = first_stakeholder (store);
  g_autofree char *eid = g_strdup (ir_entity_get_id (person));

  g_assert_true (gtk_widget_activate_action (root, "room.trash-item", "(ss)",
                                             "stakeholder", eid));
  g_assert_cmpuint (count_visible (store, "stakeholder"), ==, IR_SAMPLE_STAKEHOLDERS - 1);

  g_assert_true (gtk_widget_activate_action (root, "room.undo", NULL));
  ir_ui_test_iterate (30);
  g_assert_cmpuint (count_visible (store, "stakeholder"), ==, IR_SAMPLE_STAKEHOLDERS);

  g_assert_true (gtk_widget_activate_action (root, "room.redo", NULL));
  ir_ui_test_iterate (30);
  g_assert_cmpuint (count_visible (store, "stakeholder"), ==, IR_SAMPLE_STAKEHOLDERS - 1);

  ir_ui_test_stop_app (app);
}

static void
test_shell_history (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_sample_room (app, FALSE);
  GtkWidget *root = GTK_WIDGET (window);
  IrStore *store = ir_window_get_store (window);
  g_autoptr(IrEntity) person = first_stakeholder (store);
  g_autofree char *eid = g_strdup (ir_entity_get_id (person));
  GtkWindow *history;

  ir_ui_test_apply_remote_edit (store, "stakeholder", eid, "stance", "champion", 1);

  g_assert_true (gtk_widget_activate_action (root, "room.history", "(ss)",
                                             "stakeholder", eid));
  ir_ui_test_iterate (30);
  history = ir_ui_test_find_toplevel (IR_TYPE_HISTORY_DIALOG);
  g_assert_nonnull (history);
  /* The creating transaction and the remote edit. */
  g_assert_cmpuint (ir_history_dialog_get_n_rows (IR_HISTORY_DIALOG (history)), ==, 2);
  gtk_window_destroy (history);

  ir_ui_test_stop_app (app);
}

static void
test_shell_inbox (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_sample_room (app, FALSE);
  GtkWidget *root = GTK_WIDGET (window);
  IrStore *store = ir_window_get_store (window);
  g_autoptr(IrEntity) person = first_stakeholder (store);
  GtkWidget *seen_button;

  /* The sample's unread "needs you" item, counted after the first frame. */
  g_assert_true (ir_ui_test_wait_until (unread_is_one, window, 2000));

  ir_ui_test_apply_remote_edit (store, "stakeholder", ir_entity_get_id (person),
                                "stance", "blocker", 1);
  ir_ui_test_apply_remote_edit (store, "stakeholder", ir_entity_get_id (person),
                                "title", "Vice President", 2);
  g_assert_cmpuint (ir_window_get_unread_count (window), ==, 2);
  g_assert_cmpstr (ir_ui_test_label_text (root, "inbox-badge"), ==, "2");

  g_assert_true (gtk_widget_activate_action (root, "win.inbox", NULL));
  ir_ui_test_iterate (50);
  g_assert_cmpuint (ir_ui_test_count_rows (ir_ui_test_find_named (root, "inbox-needs-you")),
                    ==, 1);
  g_assert_cmpuint (ir_ui_test_count_rows (ir_ui_test_find_named (root, "inbox-changes")),
                    ==, 1);

  seen_button = ir_ui_test_find_named (root, "inbox-mark-seen");
  g_assert_nonnull (seen_button);
  g_signal_emit_by_name (seen_button, "clicked");
  ir_ui_test_iterate (30);
  g_assert_cmpuint (ir_window_get_unread_count (window), ==, 0);
  g_assert_false (gtk_widget_get_visible (ir_ui_test_find_named (root, "inbox-badge")));

  ir_ui_test_stop_app (app);
}

static void
test_shell_new_room_dialog (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = ir_application_get_main_window (app);
  IrRoomDirectory *rooms = ir_application_get_rooms (app);
  GtkWindow *dialog;
  GtkWidget *name_row;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), ==, 0);

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-room", NULL);
  ir_ui_test_iterate (30);
  dialog = ir_ui_test_find_toplevel (IR_TYPE_NEW_ROOM_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));

  name_row = ir_ui_test_find_named (GTK_WIDGET (dialog), "room-name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "create"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "泵站改造 · Pump station");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "create"));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "create");
  ir_ui_test_iterate (50);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rooms)), ==, 1);
  g_assert_nonnull (ir_window_get_room (window));
  g_assert_cmpstr (ir_room_info_get_name (ir_window_get_room (window)), ==,
                   "泵站改造 · Pump station");
  g_assert_cmpuint (ir_ui_test_count_rows (ir_ui_test_find_named (GTK_WIDGET (window),
                                                                  "room-list")), ==, 1);
  g_assert_cmpstr (ir_window_get_page (window), ==, "map");
  g_assert_cmpuint (count_visible (ir_window_get_store (window), "stakeholder"), ==, 0);

  ir_ui_test_stop_app (app);
}

static void
test_shell_windows_from_actions (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = ir_application_get_main_window (app);
  GtkWindow *opened;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
  ir_ui_test_iterate (30);
  opened = ir_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (opened);
  gtk_window_destroy (opened);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ir_ui_test_iterate (30);
  opened = ir_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (opened);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (opened)), ==, PACKAGE_VERSION);
  gtk_window_destroy (opened);

  /* With no session yet, the server dialog asks for the sign-in. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "connect-server", NULL);
  ir_ui_test_iterate (30);
  opened = ir_ui_test_find_toplevel (IR_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (opened);
  g_assert_cmpstr (ir_connect_dialog_get_page (IR_CONNECT_DIALOG (opened)), ==, "sign-in");
  gtk_window_destroy (opened);

  ir_ui_test_stop_app (app);
}

static void
test_shell_room_name_validate (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *longest = g_strnfill (IR_ROOM_NAME_MAX, 'x');
  g_autofree char *too_long = g_strnfill (IR_ROOM_NAME_MAX + 1, 'x');

  g_assert_true (ir_room_name_validate ("阀门项目", &error));
  g_assert_no_error (error);
  g_assert_true (ir_room_name_validate (longest, &error));
  g_assert_no_error (error);

  g_assert_false (ir_room_name_validate ("", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (ir_room_name_validate (" \t ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (ir_room_name_validate (too_long, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "201"));
  g_clear_error (&error);

  g_assert_false (ir_room_name_validate ("\xff\xfe", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (ir_room_customer_validate (NULL, &error));
  g_assert_true (ir_room_customer_validate ("", &error));
  g_assert_false (ir_room_customer_validate (too_long, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_shell_room_directory_reload (void)
{
  g_autofree char *path = g_dir_make_tmp ("ironroom-rooms-XXXXXX", NULL);
  g_autoptr(IrRoomDirectory) rooms = ir_room_directory_new (path);
  g_autoptr(IrRoomDirectory) again = NULL;
  g_autoptr(IrRoomInfo) room = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cache = NULL;
  IrRoomInfo *found;

  room = ir_room_directory_create (rooms, "Boiler retrofit", "Huadong Power", FALSE,
                                   &store, &error);
  g_assert_no_error (error);
  ir_store_close (store);

  /* Without its cache the room is read from its database. */
  cache = g_build_filename (ir_room_info_get_directory (room), "room.ini", NULL);
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_unlink (cache), ==, 0);

  again = ir_room_directory_new (path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  found = ir_room_directory_lookup (again, ir_room_info_get_id (room));
  g_assert_nonnull (found);
  g_assert_cmpstr (ir_room_info_get_name (found), ==, "Boiler retrofit");
  g_assert_cmpstr (ir_room_info_get_customer (found), ==, "Huadong Power");
  g_assert_false (ir_room_info_get_demo (found));
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  ir_ui_test_init (&argc, &argv);

  g_test_add_func ("/shell/first-start", test_shell_first_start);
  g_test_add_func ("/shell/visit-pages", test_shell_visit_pages);
  g_test_add_func ("/shell/trash-and-restore", test_shell_trash_and_restore);
  g_test_add_func ("/shell/undo-redo", test_shell_undo_redo);
  g_test_add_func ("/shell/history", test_shell_history);
  g_test_add_func ("/shell/inbox", test_shell_inbox);
  g_test_add_func ("/shell/new-room-dialog", test_shell_new_room_dialog);
  g_test_add_func ("/shell/windows-from-actions", test_shell_windows_from_actions);
  g_test_add_func ("/shell/room-name-validate", test_shell_room_name_validate);
  g_test_add_func ("/shell/room-directory-reload", test_shell_room_directory_reload);

  return g_test_run ();
}
