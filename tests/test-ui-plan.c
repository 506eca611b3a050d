/* test-ui-plan.c: the plan page on the demo room, run in-process under Xvfb
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "ir-ui-test-util.h"
#include "plan/ir-confirm-dialog.h"
#include "plan/ir-gantt-print.h"
#include "plan/ir-gantt-timeline.h"
#include "plan/ir-plan-page.h"
#include "plan/ir-plan-rows.h"
#include "plan/ir-plan-transfer.h"
#include "plan/ir-signature-pad.h"

typedef struct
{
  IrApplication *app;
  IrWindow      *window;
  IrPlanPage    *page;
  IrStore       *store;
  char          *folder;
} Fixture;

/* --- helpers -------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->app = ir_ui_test_start_app ();
  fixture->window = ir_application_get_main_window (fixture->app);
  g_assert_true (ir_application_open_demo (fixture->app, &error));
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 860);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "room.page", "s",
                                             "plan"));
  ir_ui_test_iterate (200);

  fixture->store = ir_window_get_store (fixture->window);
  g_assert_nonnull (fixture->store);
  fixture->page = IR_PLAN_PAGE (ir_ui_test_find_by_type (GTK_WIDGET (fixture->window),
                                                         IR_TYPE_PLAN_PAGE));
  g_assert_nonnull (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));

  fixture->folder = g_dir_make_tmp ("ironroom-plan-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = ir_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);

  ir_ui_test_stop_app (fixture->app);
  g_free (fixture->folder);
}

static IrSchedule *
schedule_of (Fixture *fixture)
{
  IrSchedule *schedule = ir_plan_page_get_schedule (fixture->page);

  g_assert_nonnull (schedule);
  g_assert_true (ir_schedule_is_computed (schedule));

  return schedule;
}

static IrScheduleTask *
find_task (Fixture    *fixture,
           const char *id)
{
  IrScheduleTask *task = ir_schedule_lookup_task (schedule_of (fixture), id);

  g_assert_nonnull (task);
  return task;
}

/* The first task that is neither a summary nor a milestone nor started. */
static IrScheduleTask *
find_plain_task (Fixture *fixture)
{
  IrSchedule *schedule = schedule_of (fixture);

  for (guint i = 0; i < ir_schedule_get_n_tasks (schedule); i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (schedule, i);

      if (!(task->flags & IR_TASK_SUMMARY) && !task->milestone &&
          task->actual_start == IR_DAY_NONE && task->start != IR_DAY_NONE)
        return task;
    }

  g_assert_not_reached ();
}

static void
collect_texts (GtkWidget *root,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (root))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (root)));
  else if (GTK_IS_INSCRIPTION (root) && gtk_inscription_get_text (GTK_INSCRIPTION (root)))
    g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

/* Whether a cell of the table shows @text. */
static gboolean
table_shows (Fixture    *fixture,
             const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_texts (ir_plan_page_get_table (fixture->page), texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (texts->pdata[i], text) == 0)
      return TRUE;

  return FALSE;
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return ir_ui_test_label_text (GTK_WIDGET (fixture->page), name);
}

static guint
count_entities (IrStore    *store,
                const char *kind)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, kind);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
select_task (Fixture    *fixture,
             const char *id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.select-task",
                                             "s", id));
  ir_ui_test_iterate (60);
}

static char *
add_task (Fixture    *fixture,
          gboolean    milestone,
          const char *name)
{
  IrPlanPage *page = fixture->page;
  IrScheduleTask *task;
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;
  char *id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), milestone ? "plan.add-milestone"
                                                                          : "plan.add-task",
                                             NULL));
  ir_ui_test_iterate (60);
  g_assert_true (gtk_widget_get_visible (ir_ui_test_find_named (GTK_WIDGET (page),
                                                                "plan-details-title")));
  g_assert_cmpstr (label_text (fixture, "plan-details-title"), ==,
                   milestone ? "New milestone" : "New task");

  /* The new task is the selected one. */
  task = NULL;
  for (guint i = 0; i < ir_schedule_get_n_tasks (schedule_of (fixture)); i++)
    {
      IrScheduleTask *candidate = ir_schedule_get_task (schedule_of (fixture), i);

      if (g_strcmp0 (candidate->name, milestone ? "New milestone" : "New task") == 0)
        task = candidate;
    }
  g_assert_nonnull (task);
  id = g_strdup (task->id);

  tx = ir_store_begin (fixture->store);
  ir_tx_set_string (tx, "task", id, "name", name);
  g_assert_true (ir_store_commit (fixture->store, tx, &error));
  g_assert_no_error (error);
  ir_ui_test_iterate (30);

  return id;
}

/* --- tests ---------------------------------------------------------------- */

static void
test_plan_shows_demo (Fixture       *fixture,
                      gconstpointer  data)
{
  IrSchedule *schedule = schedule_of (fixture);
  GtkWidget *timeline = ir_plan_page_get_timeline (fixture->page);
  GtkWidget *table = ir_plan_page_get_table (fixture->page);
  g_autofree char *tasks = g_strdup_printf ("%u", ir_schedule_get_n_tasks (schedule));
  GtkAdjustment *vadjustment;
  GtkWidget *header;

  g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), ==, count_entities (fixture->store, "task"));
  g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), >=, 30);
  g_assert_cmpstr (label_text (fixture, "plan-total-count"), ==, tasks);
  g_assert_cmpstr (label_text (fixture, "plan-confirmed-count"), !=, "0");

  /* The chart's header and rows are level with the table's. */
  header = gtk_widget_get_first_child (table);
  g_assert_cmpint (ir_gantt_timeline_get_header_height (IR_GANTT_TIMELINE (timeline)), ==,
                   gtk_widget_get_height (header));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (table));
  g_assert_true (ir_gantt_timeline_get_vadjustment (IR_GANTT_TIMELINE (timeline)) == vadjustment);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >=,
                     ir_schedule_get_n_tasks (schedule) *
                     ir_gantt_timeline_get_row_height (IR_GANTT_TIMELINE (timeline)) - 1);

  /* Zoom through the action, which the toggle buttons follow. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.zoom", "s",
                                             "months"));
  ir_ui_test_iterate (30);
  g_assert_cmpint (ir_gantt_timeline_get_zoom (IR_GANTT_TIMELINE (timeline)), ==,
                   IR_GANTT_ZOOM_MONTHS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.zoom-out", NULL));
  g_assert_cmpint (ir_gantt_timeline_get_zoom (IR_GANTT_TIMELINE (timeline)), ==,
                   IR_GANTT_ZOOM_QUARTERS);
}

static void
test_plan_move_task (Fixture       *fixture,
                     gconstpointer  data)
{
  IrGanttTimeline *timeline = IR_GANTT_TIMELINE (ir_plan_page_get_timeline (fixture->page));
  IrScheduleTask *task = find_plain_task (fixture);
  g_autofree char *id = g_strdup (task->id);
  IrCalendar *calendar = ir_schedule_get_calendar (schedule_of (fixture));
  IrDay target = ir_calendar_add_working_days (calendar, task->start + 21, 0);
  char target_text[IR_DAY_STRING_SIZE];
  g_autofree char *shown = NULL;
  graphene_rect_t bar;
  int row;

  select_task (fixture, id);
  ir_day_format (target, target_text);

  /* The timeline sends what a drag of the bar sends. */
  ir_gantt_timeline_emit_move (timeline, task, target);
  ir_ui_test_iterate (60);

  task = find_task (fixture, id);
  g_assert_cmpint (task->start, ==, target);
  row = ir_gantt_timeline_get_selected_row (timeline);
  g_assert_cmpint (row, >=, 0);
  g_assert_true (ir_gantt_timeline_get_bar_area (timeline, row, &bar));
  g_assert_cmpfloat_with_epsilon (bar.origin.x, ir_gantt_timeline_get_day_x (timeline, target),
                                  1.0);

  /* The table's start column shows the new date. */
  shown = g_strdup_printf ("%s", target_text);
  {
    g_autoptr(GPtrArray) texts = g_ptr_array_new ();
    gboolean found = FALSE;

    collect_texts (ir_plan_page_get_table (fixture->page), texts);
    for (guint i = 0; i < texts->len; i++)
      if (strstr (texts->pdata[i], shown) != NULL)
        found = TRUE;
    g_assert_true (found);
  }

  /* One undo takes the move back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "room.undo", NULL));
  ir_ui_test_iterate (60);
  g_assert_cmpint (find_task (fixture, id)->start, !=, target);
}

static void
test_plan_link_tasks (Fixture       *fixture,
                      gconstpointer  data)
{
  IrGanttTimeline *timeline = IR_GANTT_TIMELINE (ir_plan_page_get_timeline (fixture->page));
  g_autofree char *rig = add_task (fixture, FALSE, "Build the test rig");
  g_autofree char *test = add_task (fixture, FALSE, "Hydrostatic shell test");
  guint links = count_entities (fixture->store, "dependency");
  IrCalendar *calendar;
  GtkWindow *dialog;
  const char *message;

  /* Drawn from the end of one bar to the other. */
  ir_gantt_timeline_emit_link (timeline, find_task (fixture, rig), find_task (fixture, test));
  ir_ui_test_iterate (60);
  g_assert_cmpuint (count_entities (fixture->store, "dependency"), ==, links + 1);
  calendar = ir_schedule_get_calendar (schedule_of (fixture));
  g_assert_cmpint (find_task (fixture, test)->start, ==,
                   ir_calendar_add_working_days (calendar, find_task (fixture, rig)->finish, 1));

  /* The way back would close a cycle: refused, with both tasks named. */
  ir_gantt_timeline_emit_link (timeline, find_task (fixture, test), find_task (fixture, rig));
  ir_ui_test_iterate (60);
  g_assert_cmpuint (count_entities (fixture->store, "dependency"), ==, links + 1);
  dialog = ir_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  message = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (message, "Build the test rig"));
  g_assert_nonnull (strstr (message, "Hydrostatic shell test"));
  g_assert_nonnull (strstr (message, "cycle"));
  gtk_window_destroy (dialog);
}

static GtkGesture *
find_drag_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

/* Sends a drag from (@x, @y) by (@dx, @dy) through the timeline's own
 * gesture handlers, as a pointer would. */
static void
drag (GtkWidget *timeline,
      double     x,
      double     y,
      double     dx,
      double     dy)
{
  GtkGesture *gesture = find_drag_gesture (timeline);

  g_signal_emit_by_name (gesture, "drag-begin", x, y);
  g_signal_emit_by_name (gesture, "drag-update", dx / 2, dy / 2);
  g_signal_emit_by_name (gesture, "drag-update", dx, dy);
  g_signal_emit_by_name (gesture, "drag-end", dx, dy);
  ir_ui_test_iterate (60);
}

static void
test_plan_drag_bars (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *widget = ir_plan_page_get_timeline (fixture->page);
  IrGanttTimeline *timeline = IR_GANTT_TIMELINE (widget);
  g_autofree char *rig = add_task (fixture, FALSE, "Machine the seat rings");
  g_autofree char *test = add_task (fixture, FALSE, "Lap the seat rings");
  guint links = count_entities (fixture->store, "dependency");
  double week = ir_gantt_timeline_get_day_x (timeline, 8) - ir_gantt_timeline_get_day_x (timeline, 1);
  graphene_rect_t bar, target;
  IrDay start, finish;
  int row;

  /* Move: the middle of the bar, a week to the right. */
  select_task (fixture, rig);
  row = ir_gantt_timeline_get_selected_row (timeline);
  start = find_task (fixture, rig)->start;
  g_assert_true (ir_gantt_timeline_get_bar_area (timeline, row, &bar));
  drag (widget, bar.origin.x + bar.size.width / 2, bar.origin.y + bar.size.height / 2, week, 0);
  g_assert_cmpint (find_task (fixture, rig)->start, ==, start + 7);

  /* Resize: the last pixels of the bar, two days further. */
  finish = find_task (fixture, rig)->finish;
  g_assert_true (ir_gantt_timeline_get_bar_area (timeline, row, &bar));
  drag (widget, bar.origin.x + bar.size.width - 2, bar.origin.y + bar.size.height / 2,
        week * 2 / 7, 0);
  g_assert_cmpint (find_task (fixture, rig)->finish, >, finish);
  g_assert_cmpint (find_task (fixture, rig)->duration, ==,
                   ir_calendar_count_working_days (ir_schedule_get_calendar (schedule_of (fixture)),
                                                   find_task (fixture, rig)->start,
                                                   finish + 2) + 1);

  /* Link: from just past the end of one bar onto the other bar. */
  select_task (fixture, test);
  g_assert_true (ir_gantt_timeline_get_bar_area (timeline, ir_gantt_timeline_get_selected_row (timeline),
                                                 &target));
  g_assert_true (ir_gantt_timeline_get_bar_area (timeline, row, &bar));
  drag (widget, bar.origin.x + bar.size.width + 5, bar.origin.y + bar.size.height / 2,
        target.origin.x + target.size.width / 2 - (bar.origin.x + bar.size.width + 5),
        target.origin.y - bar.origin.y);
  g_assert_cmpuint (count_entities (fixture->store, "dependency"), ==, links + 1);
  g_assert_cmpint (find_task (fixture, test)->start, >, find_task (fixture, rig)->finish);
}

/* Collects the table's cells of one task, in column order. */
static void
collect_cells (GtkWidget  *root,
               const char *task_id,
               GPtrArray  *cells)
{
  IrPlanRow *row = g_object_get_data (G_OBJECT (root), "ir-plan-row");

  if (row != NULL && g_strcmp0 (ir_plan_row_get_id (row), task_id) == 0)
    {
      g_ptr_array_add (cells, root);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, task_id, cells);
}

/* Double-clicks a cell through its own gesture and returns the editor. */
static GtkWidget *
open_editor (GtkWidget *cell)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cell);
  GtkWidget *popover;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        g_signal_emit_by_name (controller, "pressed", 2, 10.0, 10.0);
    }
  ir_ui_test_iterate (60);

  popover = ir_ui_test_find_by_type (cell, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));

  return popover;
}

static void
type_into (GtkWidget  *popover,
           const char *text)
{
  GtkWidget *entry = ir_ui_test_find_by_type (popover, GTK_TYPE_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  ir_ui_test_iterate (100);
}

static void
test_plan_edit_cells (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *id = add_task (fixture, FALSE, "Paint and mark");
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(IrEntity) entity = NULL;
  GtkWidget *popover, *list;

  select_task (fixture, id);
  collect_cells (ir_plan_page_get_table (fixture->page), id, cells);
  g_assert_cmpuint (cells->len, ==, 9);

  /* Name, duration and progress, each through its cell's editor. */
  type_into (open_editor (cells->pdata[1]), "Paint, mark and tag");
  g_assert_cmpstr (find_task (fixture, id)->name, ==, "Paint, mark and tag");
  g_assert_true (table_shows (fixture, "Paint, mark and tag"));

  g_ptr_array_set_size (cells, 0);
  collect_cells (ir_plan_page_get_table (fixture->page), id, cells);
  type_into (open_editor (cells->pdata[3]), "3");
  g_assert_cmpint (find_task (fixture, id)->duration, ==, 3);

  type_into (open_editor (cells->pdata[8]), "40");
  g_assert_cmpint (find_task (fixture, id)->progress, ==, 40);

  /* A value that is not a number changes nothing. */
  type_into (open_editor (cells->pdata[3]), "soon");
  g_assert_cmpint (find_task (fixture, id)->duration, ==, 3);

  /* The owner, from the list of members: the first after "Nobody". */
  popover = open_editor (cells->pdata[2]);
  list = ir_ui_test_find_by_type (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  ir_ui_test_iterate (100);
  entity = ir_store_get_entity (fixture->store, "task", id);
  g_assert_nonnull (ir_entity_get_string (entity, "owner"));
}

static void
test_plan_outline_edits (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *first = add_task (fixture, FALSE, "Prepare the FAT procedure");
  g_autofree char *second = add_task (fixture, FALSE, "Witness the FAT");
  guint tasks = count_entities (fixture->store, "task");
  IrScheduleTask *task;

  /* Indent the second under the first, then back. */
  select_task (fixture, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.indent", NULL));
  ir_ui_test_iterate (60);
  task = find_task (fixture, second);
  g_assert_cmpstr (task->parent_id, ==, first);
  g_assert_true (find_task (fixture, first)->flags & IR_TASK_SUMMARY);
  g_assert_true (table_shows (fixture, "Witness the FAT"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.outdent", NULL));
  ir_ui_test_iterate (60);
  g_assert_cmpstr (find_task (fixture, second)->parent_id, ==,
                   find_task (fixture, first)->parent_id);

  /* Delete, then undo. */
  select_task (fixture, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.delete", NULL));
  ir_ui_test_iterate (60);
  g_assert_cmpuint (count_entities (fixture->store, "task"), ==, tasks - 1);
  g_assert_null (ir_schedule_lookup_task (schedule_of (fixture), second));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "room.undo", NULL));
  ir_ui_test_iterate (60);
  g_assert_cmpuint (count_entities (fixture->store, "task"), ==, tasks);
  g_assert_nonnull (ir_schedule_lookup_task (schedule_of (fixture), second));
}

static void
test_plan_record_confirmation (Fixture       *fixture,
                               gconstpointer  data)
{
  static const graphene_point_t stroke[] = {
    { 20, 90 }, { 60, 40 }, { 100, 110 }, { 140, 50 }, { 200, 95 },
  };
  g_autofree char *milestone = add_task (fixture, TRUE, "Shipment release");
  g_autofree char *key_path = g_build_filename (fixture->folder, "device-key", NULL);
  g_autofree char *confirmed_before = g_strdup (label_text (fixture, "plan-confirmed-count"));
  g_autofree char *confirmed_after = NULL;
  GtkWidget *dialog_widget;
  IrConfirmDialog *dialog;
  GtkWidget *name, *pad;
  const char *seal;
  const char *notice;

  select_task (fixture, milestone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.confirm", NULL));
  ir_ui_test_iterate (60);
  dialog = IR_CONFIRM_DIALOG (ir_ui_test_find_toplevel (IR_TYPE_CONFIRM_DIALOG));
  g_assert_nonnull (dialog);
  dialog_widget = GTK_WIDGET (dialog);
  ir_confirm_dialog_set_key_path (dialog, key_path);

  /* The milestone's title and date are filled in. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ir_ui_test_find_named (dialog_widget,
                                                                               "confirm-milestone-title"))),
                   ==, "Shipment release");
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (ir_ui_test_find_named (dialog_widget,
                                                                                       "confirm-committed")))),
                    ==, 10);

  /* Without evidence the dialog rejects the seal and shows why. */
  name = ir_ui_test_find_named (dialog_widget, "confirm-signer-name");
  gtk_editable_set_text (GTK_EDITABLE (name), "Wang Fang");
  g_assert_true (gtk_widget_activate_action (dialog_widget, "confirm.seal", NULL));
  g_assert_true (gtk_widget_get_visible (ir_ui_test_find_named (dialog_widget, "confirm-error")));

  pad = ir_ui_test_find_named (dialog_widget, "confirm-signature-pad");
  ir_signature_pad_add_stroke (IR_SIGNATURE_PAD (pad), stroke, G_N_ELEMENTS (stroke));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog_widget, "confirm.seal", NULL));
  ir_ui_test_iterate (100);
  g_assert_null (dialog);

  /* The details show who confirmed and who recorded it. */
  seal = label_text (fixture, "plan-details-seal");
  g_assert_true (g_str_has_prefix (seal, "Confirmed by Wang Fang"));
  g_assert_nonnull (strstr (seal, "recorded by"));
  g_assert_false (gtk_widget_get_visible (ir_ui_test_find_named (GTK_WIDGET (fixture->page),
                                                                 "plan-details-void")));
  confirmed_after = g_strdup_printf ("%d", atoi (confirmed_before) + 1);
  g_assert_cmpstr (label_text (fixture, "plan-confirmed-count"), ==, confirmed_after);
  g_assert_cmpuint (count_entities (fixture->store, "confirmation"), >=, 1);

  /* Moving the committed date voids the seal, visibly. */
  {
    IrScheduleTask *task = find_task (fixture, milestone);
    char later[IR_DAY_STRING_SIZE];
    g_autoptr(IrTx) tx = ir_store_begin (fixture->store);
    g_autoptr(GError) error = NULL;

    ir_tx_set_string (tx, "task", milestone, "committed",
                      ir_day_format (task->committed + 9, later));
    g_assert_true (ir_store_commit (fixture->store, tx, &error));
    g_assert_no_error (error);
    ir_ui_test_iterate (60);
  }

  notice = label_text (fixture, "plan-details-void");
  g_assert_true (gtk_widget_get_visible (ir_ui_test_find_named (GTK_WIDGET (fixture->page),
                                                                "plan-details-void")));
  g_assert_nonnull (strstr (notice, "committed date moved from"));
  g_assert_nonnull (strstr (notice, "after confirmation"));
  g_assert_nonnull (strstr (label_text (fixture, "plan-banner"), "Shipment release"));
  g_assert_cmpstr (label_text (fixture, "plan-confirmed-count"), ==, confirmed_before);

  /* Undoing the edit makes it valid again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "room.undo", NULL));
  ir_ui_test_iterate (60);
  g_assert_false (gtk_widget_get_visible (ir_ui_test_find_named (GTK_WIDGET (fixture->page),
                                                                 "plan-details-void")));
  g_assert_cmpstr (label_text (fixture, "plan-confirmed-count"), ==, confirmed_after);
}

static void
test_plan_exports (Fixture       *fixture,
                   gconstpointer  data)
{
  IrSchedule *schedule = schedule_of (fixture);
  g_autofree char *pdf = g_build_filename (fixture->folder, "plan.pdf", NULL);
  g_autofree char *ics = g_build_filename (fixture->folder, "plan.ics", NULL);
  g_autofree char *xml = g_build_filename (fixture->folder, "plan.xml", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) document = NULL;
  g_autoptr(IrStore) copy = NULL;
  IrGanttPrintJob job = { 0 };
  guint pages = 0, n_tasks = 0;

  for (guint i = 0; i < ir_schedule_get_n_tasks (schedule); i++)
    g_ptr_array_add (rows, ir_schedule_get_task (schedule, i));
  job = (IrGanttPrintJob) {
    .schedule = schedule, .rows = rows, .zoom = IR_GANTT_ZOOM_WEEKS, .baseline = -1,
    .today = ir_day_from_ymd (2026, 12, 1), .title = "Valve deal", .subtitle = "Customer",
  };

  /* PDF: landscape A3 pages that poppler can read. */
  g_assert_true (ir_gantt_export_pdf (&job, pdf, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >=, 2);
  uri = g_filename_to_uri (pdf, NULL, NULL);
  document = G_OBJECT (poppler_document_new_from_file (uri, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (POPPLER_DOCUMENT (document)), ==, pages);

  /* iCalendar: one event per committed milestone, and a higher SEQUENCE
   * on the next export. */
  g_assert_true (ir_plan_export_ics (fixture->store, schedule, ics, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_nonnull (strstr (text, "SEQUENCE:0"));
  g_assert_true (ir_plan_export_ics (fixture->store, schedule, ics, &error));
  g_assert_true (g_file_get_contents (ics, &second_text, NULL, NULL));
  g_assert_nonnull (strstr (second_text, "SEQUENCE:1"));

  /* Microsoft Project XML, imported into an empty room. */
  g_assert_true (ir_plan_export_mspdi (schedule, xml, &error));
  g_assert_no_error (error);
  copy = ir_store_new_memory (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (copy, "5d0e8a3c-7f1b-4c2d-9e6a-1b2c3d4e5f60", &error));
  g_assert_true (ir_plan_import_mspdi (copy, xml, &n_tasks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_tasks, ==, ir_schedule_get_n_tasks (schedule));
  g_assert_cmpuint (count_entities (copy, "task"), ==, n_tasks);
  g_assert_cmpuint (count_entities (copy, "dependency"), ==, ir_schedule_get_n_links (schedule));
  g_assert_cmpuint (count_entities (copy, "calendar"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  ir_ui_test_init (&argc, &argv);

  g_test_add ("/ui/plan/shows-demo", Fixture, NULL,
              fixture_set_up, test_plan_shows_demo, fixture_tear_down);
  g_test_add ("/ui/plan/move-task", Fixture, NULL,
              fixture_set_up, test_plan_move_task, fixture_tear_down);
  g_test_add ("/ui/plan/link-tasks", Fixture, NULL,
              fixture_set_up, test_plan_link_tasks, fixture_tear_down);
  g_test_add ("/ui/plan/drag-bars", Fixture, NULL,
              fixture_set_up, test_plan_drag_bars, fixture_tear_down);
  g_test_add ("/ui/plan/edit-cells", Fixture, NULL,
              fixture_set_up, test_plan_edit_cells, fixture_tear_down);
  g_test_add ("/ui/plan/outline-edits", Fixture, NULL,
              fixture_set_up, test_plan_outline_edits, fixture_tear_down);
  g_test_add ("/ui/plan/record-confirmation", Fixture, NULL,
              fixture_set_up, test_plan_record_confirmation, fixture_tear_down);
  g_test_add ("/ui/plan/exports", Fixture, NULL,
              fixture_set_up, test_plan_exports, fixture_tear_down);

  return g_test_run ();
}
