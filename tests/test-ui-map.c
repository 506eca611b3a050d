/* test-ui-map.c: the decision map page, run in-process under Xvfb
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ir-ui-test-util.h"
#include "map/ir-map-canvas-private.h"
#include "map/ir-map-card.h"
#include "map/ir-map-page.h"

/* --- helpers -------------------------------------------------------------- */

/* Opens the app's window again after ir_ui_test_stop_app() closed it and
 * the room's store with it: the room is read back from its file, as after
 * quitting. Unlike ir_ui_test_start_app(), the rooms and settings stay. */
static IrApplication *
restart_app (IrApplication *app)
{
  ir_room_directory_reload (ir_application_get_rooms (app));
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (ir_application_get_main_window (app));
  ir_ui_test_iterate (100);

  return g_object_ref (app);
}

static IrWindow *
open_room (IrApplication *app,
           const char    *room_id)
{
  IrWindow *window = ir_application_get_main_window (app);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-room", "s", room_id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "room.page", "s", "map"));
  ir_ui_test_iterate (150);
  g_assert_nonnull (ir_window_get_store (window));

  return window;
}

static char *
open_sample_room (IrApplication  *app,
                  IrWindow      **window)
{
  IrRoomInfo *room = ir_ui_test_create_sample_room (ir_application_get_rooms (app), FALSE);
  char *room_id = g_strdup (ir_room_info_get_id (room));

  g_object_unref (room);
  *window = open_room (app, room_id);

  return room_id;
}

static IrMapPage *
find_page (IrWindow *window)
{
  GtkWidget *page = ir_ui_test_find_by_type (GTK_WIDGET (window), IR_TYPE_MAP_PAGE);

  g_assert_nonnull (page);
  return IR_MAP_PAGE (page);
}

static char *
find_stakeholder (IrStore    *store,
                  const char *name)
{
  g_autoptr(IrEntityList) people = ir_store_list (store, "stakeholder");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (people), i);

      if (g_strcmp0 (ir_entity_get_string (person, "name"), name) == 0)
        return g_strdup (ir_entity_get_id (person));
    }

  return NULL;
}

/* Returns the widget point at (@fx, @fy) of the card's size: (0.5, 0.5) is
 * its middle. */
static void
card_point (IrMapCanvas *canvas,
            const char  *eid,
            double       fx,
            double       fy,
            double      *x,
            double      *y)
{
  GtkWidget *card = ir_map_canvas_get_card (canvas, eid);
  graphene_point_t point;
  double zoom = ir_map_canvas_get_zoom (canvas);

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_compute_point (card, GTK_WIDGET (canvas), &GRAPHENE_POINT_INIT (0, 0),
                                           &point));
  *x = point.x + fx * gtk_widget_get_width (card) * zoom;
  *y = point.y + fy * gtk_widget_get_height (card) * zoom;
}

static const char *
entity_string (IrStore    *store,
               const char *kind,
               const char *eid,
               const char *field)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, kind, eid);

  g_assert_nonnull (entity);
  return g_intern_string (ir_entity_get_string (entity, field));
}

static guint
count_links (IrStore    *store,
             const char *source,
             const char *target,
             const char *kind)
{
  g_autoptr(IrEntityList) links = ir_store_list (store, "link");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (links)), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);

      count += g_strcmp0 (ir_entity_get_string (link, "source"), source) == 0 &&
               g_strcmp0 (ir_entity_get_string (link, "target"), target) == 0 &&
               g_strcmp0 (ir_entity_get_string (link, "kind"), kind) == 0;
    }

  return count;
}

static gboolean
has_popover_cb (gpointer data)
{
  return ((IrMapCanvas *) data)->link_popover != NULL &&
         gtk_widget_get_visible (((IrMapCanvas *) data)->link_popover);
}

static void
assert_all_cards_in_view (IrMapCanvas *canvas)
{
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));

  for (guint i = 0; i < canvas->card_list->len; i++)
    {
      IrMapCanvasCard *card = canvas->card_list->pdata[i];
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card->card), GTK_WIDGET (canvas),
                                                &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.y, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, width);
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, height);
    }
}

/* --- tests ---------------------------------------------------------------- */

static void
test_map_ui_edit_and_restart (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = NULL;
  g_autofree char *room_id = open_sample_room (app, &window);
  IrMapPage *page = find_page (window);
  IrMapCanvas *canvas = ir_map_page_get_canvas (page);
  IrStore *store = ir_window_get_store (window);
  g_autofree char *eid = NULL;
  g_autofree char *boss = find_stakeholder (store, "Wang Jianguo");
  GtkWindow *dialog;
  GtkWidget *button, *row;
  double x0, y0, x, y, tx, ty, moved_x, moved_y;

  g_assert_cmpuint (ir_map_canvas_get_n_cards (canvas), ==, IR_SAMPLE_STAKEHOLDERS);

  /* Add a stakeholder through the dialog. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "map.add-stakeholder", NULL));
  ir_ui_test_iterate (50);
  dialog = ir_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (GTK_WIDGET (dialog), "map-add-name")),
                         "Gao Feng");
  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (GTK_WIDGET (dialog),
                                                              "map-add-department")), "Quality");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  ir_ui_test_iterate (100);

  eid = find_stakeholder (store, "Gao Feng");
  g_assert_nonnull (eid);
  g_assert_cmpstr (entity_string (store, "stakeholder", eid, "department"), ==, "Quality");
  g_assert_cmpuint (ir_map_canvas_get_n_cards (canvas), ==, IR_SAMPLE_STAKEHOLDERS + 1);
  g_assert_cmpstr (ir_map_canvas_get_selected (canvas), ==, eid);
  g_assert_cmpstr (ir_map_details_get_stakeholder (ir_map_page_get_details (page)), ==, eid);
  g_assert_cmpstr (ir_ui_test_label_text (GTK_WIDGET (page), "map-details-heading"), ==, "Gao Feng");

  /* Drag its card by the middle; the new place is saved on release. */
  g_assert_true (ir_map_canvas_get_card_position (canvas, eid, &x0, &y0));
  card_point (canvas, eid, 0.5, 0.5, &x, &y);
  ir_map_canvas_drag_begin (canvas, x, y);
  g_assert_cmpint (canvas->drag_mode, ==, IR_MAP_DRAG_MOVE);
  ir_map_canvas_drag_update (canvas, 60, 30);
  ir_map_canvas_drag_end (canvas, 120, 60);
  ir_ui_test_iterate (50);
  {
    g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", eid);
    double zoom = ir_map_canvas_get_zoom (canvas);

    g_assert_true (ir_entity_get_boolean (person, "pinned"));
    g_assert_cmpfloat_with_epsilon (ir_entity_get_double (person, "x"), x0 + 120 / zoom, 1.0);
    g_assert_cmpfloat_with_epsilon (ir_entity_get_double (person, "y"), y0 + 60 / zoom, 1.0);
    moved_x = ir_entity_get_double (person, "x");
    moved_y = ir_entity_get_double (person, "y");
  }

  /* Draw a line from its handle to Wang Jianguo and choose "reports to". */
  card_point (canvas, eid, 1.0, 0.5, &x, &y);
  card_point (canvas, boss, 0.5, 0.5, &tx, &ty);
  ir_map_canvas_drag_begin (canvas, x - 2, y);
  g_assert_cmpint (canvas->drag_mode, ==, IR_MAP_DRAG_LINK);
  ir_map_canvas_drag_update (canvas, (tx - x) / 2, (ty - y) / 2);
  ir_map_canvas_drag_end (canvas, tx - x + 2, ty - y);
  g_assert_true (ir_ui_test_wait_until (has_popover_cb, canvas, 2000));
  button = ir_ui_test_find_named (canvas->link_popover, "reports_to");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  ir_ui_test_iterate (50);
  g_assert_cmpuint (count_links (store, eid, boss, "reports_to"), ==, 1);

  /* Change the stance in the details panel. */
  row = ir_ui_test_find_named (GTK_WIDGET (page), "map-details-stance");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
  ir_ui_test_iterate (50);
  g_assert_cmpstr (entity_string (store, "stakeholder", eid, "stance"), ==, "champion");

  /* Typing is saved a second after the last key. */
  row = ir_ui_test_find_named (GTK_WIDGET (page), "map-details-title");
  gtk_editable_set_text (GTK_EDITABLE (row), "Quality Manager");
  ir_ui_test_iterate (200);
  g_assert_null (entity_string (store, "stakeholder", eid, "title"));
  ir_ui_test_iterate (1100);
  g_assert_cmpstr (entity_string (store, "stakeholder", eid, "title"), ==, "Quality Manager");

  ir_ui_test_stop_app (app);

  /* Everything is there after a restart. The test program's one app stays
   * alive between ir_ui_test_stop_app () and here. */
  app = restart_app (app);
  window = open_room (app, room_id);
  page = find_page (window);
  canvas = ir_map_page_get_canvas (page);
  store = ir_window_get_store (window);

  g_assert_cmpuint (ir_map_canvas_get_n_cards (canvas), ==, IR_SAMPLE_STAKEHOLDERS + 1);
  g_assert_true (ir_map_canvas_get_card_position (canvas, eid, &x, &y));
  g_assert_cmpfloat (x, ==, moved_x);
  g_assert_cmpfloat (y, ==, moved_y);
  g_assert_cmpuint (count_links (store, eid, boss, "reports_to"), ==, 1);
  g_assert_cmpstr (entity_string (store, "stakeholder", eid, "stance"), ==, "champion");
  g_assert_cmpstr (entity_string (store, "stakeholder", eid, "title"), ==, "Quality Manager");
  {
    g_autofree char *label = ir_map_card_dup_accessible_label (IR_MAP_CARD (ir_map_canvas_get_card (canvas, eid)));

    g_assert_cmpstr (label, ==, "Gao Feng, Quality Manager, Champion");
  }

  ir_ui_test_stop_app (app);
}

static void
test_map_ui_keyboard_and_zoom (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = NULL;
  g_autofree char *room_id = open_sample_room (app, &window);
  IrMapPage *page = find_page (window);
  IrMapCanvas *canvas = ir_map_page_get_canvas (page);
  double zoom = ir_map_canvas_get_zoom (canvas);
  GtkWidget *focus;

  /* Every card takes the focus and has a label with the person's name. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  for (guint i = 0; i < IR_SAMPLE_STAKEHOLDERS; i++)
    {
      g_autofree char *label = NULL;

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (IR_IS_MAP_CARD (focus));
      label = ir_map_card_dup_accessible_label (IR_MAP_CARD (focus));
      g_assert_nonnull (strstr (label, ", "));
    }

  /* Enter opens the focused card's details, which slide in. */
  g_signal_emit_by_name (focus, "activate");
  ir_ui_test_iterate (500);
  g_assert_cmpstr (ir_map_canvas_get_selected (canvas), ==,
                   ir_map_card_get_id (IR_MAP_CARD (focus)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ir_map_page_get_details (page))));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-in", NULL));
  g_assert_cmpfloat (ir_map_canvas_get_zoom (canvas), >, zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.zoom-out", NULL));
  g_assert_cmpfloat (ir_map_canvas_get_zoom (canvas), <, zoom);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "map.zoom-fit", NULL));
  ir_ui_test_iterate (50);
  assert_all_cards_in_view (canvas);

  /* Far out, the cards are drawn simplified and still found by a click. */
  ir_map_canvas_set_zoom (canvas, 0.1);
  ir_ui_test_iterate (50);
  g_assert_true (ir_map_canvas_is_simplified (canvas));

  ir_ui_test_stop_app (app);
}

static void
test_map_ui_coverage_and_filters (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = NULL;
  g_autofree char *room_id = open_sample_room (app, &window);
  IrMapPage *page = find_page (window);
  IrMapCoverageView *coverage = ir_map_page_get_coverage_view (page);
  GtkWidget *root = GTK_WIDGET (page);
  g_autofree char *total = g_strdup_printf ("%d", IR_SAMPLE_STAKEHOLDERS);

  g_assert_true (gtk_widget_activate_action (root, "map.view", "s", "coverage"));
  ir_ui_test_iterate (50);
  g_assert_cmpstr (ir_map_page_get_view (page), ==, "coverage");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (coverage)));
  g_assert_cmpuint (ir_map_coverage_view_get_n_rows (coverage), ==, IR_SAMPLE_STAKEHOLDERS);
  g_assert_cmpstr (ir_ui_test_label_text (root, "map-total-count"), ==, total);
  g_assert_cmpstr (ir_ui_test_label_text (root, "map-uncovered-count"), ==, "2");
  g_assert_cmpstr (ir_ui_test_label_text (root, "map-stale-count"), ==, total);

  /* Sun Lei is an uncovered economic buyer and a blocker no one met. */
  g_assert_cmpuint (ir_ui_test_count_rows (ir_ui_test_find_named (root, "map-warnings")), ==, 2);

  /* Filters reach the table, the people list and the cards. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ir_ui_test_find_named (root, "map-filter-stance")), 5);
  ir_ui_test_iterate (30);
  g_assert_cmpuint (ir_map_coverage_view_get_n_rows (coverage), ==, 1);
  g_assert_cmpuint (ir_ui_test_count_rows (ir_ui_test_find_named (root, "map-list")), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ir_ui_test_find_named (root, "map-filter-stance")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ir_ui_test_find_named (root, "map-filter-coverage")), 2);
  ir_ui_test_iterate (30);
  g_assert_cmpuint (ir_map_coverage_view_get_n_rows (coverage), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (ir_ui_test_find_named (root, "map-search")), "ehs");
  ir_ui_test_iterate (400);
  g_assert_cmpuint (ir_map_coverage_view_get_n_rows (coverage), ==, 1);
  g_assert_true (gtk_widget_activate_action (root, "map.clear-filters", NULL));
  ir_ui_test_iterate (400);
  g_assert_cmpuint (ir_map_coverage_view_get_n_rows (coverage), ==, IR_SAMPLE_STAKEHOLDERS);

  ir_ui_test_stop_app (app);
}

static gboolean
card_changed_cb (gpointer data)
{
  return gtk_widget_has_css_class (data, "changed");
}

static void
test_map_ui_live_edits_and_conflicts (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = NULL;
  g_autofree char *room_id = open_sample_room (app, &window);
  IrMapPage *page = find_page (window);
  IrMapCanvas *canvas = ir_map_page_get_canvas (page);
  IrStore *store = ir_window_get_store (window);
  g_autofree char *eid = find_stakeholder (store, "Zhou Min");
  GtkWidget *card = ir_map_canvas_get_card (canvas, eid);
  GtkWidget *adopt;
  g_autoptr(GError) error = NULL;

  /* Another member's edit shows on the card within a second, with who. */
  ir_ui_test_apply_remote_edit (store, "stakeholder", eid, "stance", "skeptic", 1);
  g_assert_true (ir_ui_test_wait_until (card_changed_cb, card, 1000));
  {
    g_autofree char *label = ir_map_card_dup_accessible_label (IR_MAP_CARD (card));

    g_assert_cmpstr (label, ==, "Zhou Min, EHS Officer, Skeptic");
  }

  /* A local edit the other member had not seen, and theirs: a conflict the
   * details offer to settle. */
  ir_map_canvas_select (canvas, eid, TRUE);
  ir_ui_test_iterate (50);
  g_assert_true (ir_map_set_field (store, eid, "title",
                                   json_node_init_string (json_node_alloc (), "EHS Manager"),
                                   &error));
  g_assert_no_error (error);
  ir_ui_test_apply_remote_edit (store, "stakeholder", eid, "title", "Head of EHS", 2);
  ir_ui_test_iterate (50);
  adopt = ir_ui_test_find_named (GTK_WIDGET (page), "map-details-adopt");
  g_assert_nonnull (adopt);
  g_assert_true (gtk_widget_get_mapped (adopt));
  {
    const char *shown = entity_string (store, "stakeholder", eid, "title");
    g_autofree char *expected = g_strdup (g_str_equal (shown, "EHS Manager") ? "Head of EHS"
                                                                             : "EHS Manager");

    g_signal_emit_by_name (adopt, "clicked");
    ir_ui_test_iterate (50);
    g_assert_cmpstr (entity_string (store, "stakeholder", eid, "title"), ==, expected);
  }

  ir_ui_test_stop_app (app);
}

static void
test_map_ui_mark_left_and_export (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = NULL;
  g_autofree char *room_id = open_sample_room (app, &window);
  IrMapPage *page = find_page (window);
  IrMapCanvas *canvas = ir_map_page_get_canvas (page);
  IrStore *store = ir_window_get_store (window);
  g_autofree char *leaving = find_stakeholder (store, "Chen Hao");
  g_autofree char *dir = g_dir_make_tmp ("ironroom-map-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *contents = NULL;
  GtkWindow *dialog;
  GtkWidget *successor;

  ir_map_canvas_select (canvas, leaving, TRUE);
  ir_ui_test_iterate (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ir_map_page_get_details (page)),
                                             "details.toggle-left", NULL));
  ir_ui_test_iterate (50);
  dialog = ir_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  successor = ir_ui_test_find_named (GTK_WIDGET (dialog), "map-left-successor");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (successor), 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "left");
  ir_ui_test_iterate (50);
  g_assert_cmpstr (entity_string (store, "stakeholder", leaving, "status"), ==, "left");
  g_assert_nonnull (entity_string (store, "stakeholder", leaving, "successor"));
  g_assert_cmpstr (entity_string (store, "stakeholder", leaving, "successor"), !=, leaving);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "map.export-to", "(ss)", "pdf", path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  ir_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  ir_ui_test_init (&argc, &argv);

  g_test_add_func ("/map-ui/edit-and-restart", test_map_ui_edit_and_restart);
  g_test_add_func ("/map-ui/keyboard-and-zoom", test_map_ui_keyboard_and_zoom);
  g_test_add_func ("/map-ui/coverage-and-filters", test_map_ui_coverage_and_filters);
  g_test_add_func ("/map-ui/live-edits-and-conflicts", test_map_ui_live_edits_and_conflicts);
  g_test_add_func ("/map-ui/mark-left-and-export", test_map_ui_mark_left_and_export);

  return g_test_run ();
}
