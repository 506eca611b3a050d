/* ir-plan-table-edit.c: editing the cells of the plan's task table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A double click on a cell, or Enter on a row for its name, opens a small
 * popover over the cell: an entry, or the list of members for the owner.
 * Enter writes the task; Escape or a click elsewhere leaves it as it was.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-plan-table-private.h"

static gboolean
parse_number (const char *text,
              gint64     *value)
{
  char *end = NULL;

  while (text != NULL && *text != '\0' && !g_ascii_isdigit (*text) && *text != '-')
    text++;
  if (text == NULL || *text == '\0')
    return FALSE;

  *value = g_ascii_strtoll (text, &end, 10);
  return end != text;
}

static void
commit_edit (ColumnData *data,
             IrPlanRow  *row,
             const char *text)
{
  IrScheduleTask *task = ir_plan_row_get_task (row);
  const char *id = ir_plan_row_get_id (row);
  char day_text[IR_DAY_STRING_SIZE];
  gint64 number;
  IrDay day;

  if (task == NULL)
    return;

  switch (data->column)
    {
    case COLUMN_NAME:
      if (g_strcmp0 (text, task->name) != 0 && text[0] != '\0')
        ir_plan_page_set_text (data->page, id, "name", text);
      break;

    case COLUMN_DURATION:
      if (parse_number (text, &number) && number >= 0 && number != task->scheduled_duration)
        ir_plan_page_resize_task (data->page, id, (int) number);
      break;

    case COLUMN_START:
      day = ir_plan_parse_day (text);
      if (day != IR_DAY_NONE && day != task->start)
        ir_plan_page_move_task (data->page, id, day);
      break;

    case COLUMN_COMMITTED:
      day = ir_plan_parse_day (text);
      if (day != IR_DAY_NONE && day != task->committed)
        ir_plan_page_set_text (data->page, id, "committed", ir_day_format (day, day_text));
      else if (day == IR_DAY_NONE && text[strspn (text, " \t")] == '\0' &&
               task->committed != IR_DAY_NONE)
        ir_plan_page_set_text (data->page, id, "committed", NULL);
      break;

    case COLUMN_PROGRESS:
      if (parse_number (text, &number) && number != task->progress)
        ir_plan_page_set_number (data->page, id, "progress", CLAMP (number, 0, 100));
      break;

    case COLUMN_WBS:
    case COLUMN_OWNER:
    case COLUMN_FINISH:
    case COLUMN_FLOAT:
    case N_COLUMNS:
    default:
      break;
    }
}

static gboolean
unparent_popover_cb (gpointer data)
{
  gtk_widget_unparent (data);
  g_object_unref (data);

  return G_SOURCE_REMOVE;
}

/* A closed popover is removed once its signal handlers have returned. */
static void
popover_closed_cb (GtkPopover *popover)
{
  g_idle_add (unparent_popover_cb, g_object_ref (popover));
}

static void
entry_activated_cb (GtkEntry   *entry,
                    ColumnData *data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  IrPlanRow *row = g_object_get_data (G_OBJECT (popover), ROW_KEY);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  gtk_popover_popdown (GTK_POPOVER (popover));
  if (row != NULL)
    commit_edit (data, row, text);
}

static void
owner_chosen_cb (GtkListBox    *list,
                 GtkListBoxRow *item,
                 ColumnData    *data)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  IrPlanRow *row = g_object_get_data (G_OBJECT (popover), ROW_KEY);
  guint position = gtk_list_box_row_get_index (item);
  IrPlanPage *page = data->page;

  gtk_popover_popdown (GTK_POPOVER (popover));
  if (row != NULL && position < page->member_ids->len)
    ir_plan_page_set_text (page, ir_plan_row_get_id (row), "owner",
                           page->member_ids->pdata[position]);
}

static GtkWidget *
new_owner_list (ColumnData *data)
{
  GListModel *names = G_LIST_MODEL (data->page->member_names);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (list), TRUE);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      GtkWidget *label = gtk_label_new (gtk_string_list_get_string (data->page->member_names, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (owner_chosen_cb), data);

  return list;
}

/* The text a cell offers for editing: dates as YYYY-MM-DD, numbers bare. */
static char *
editing_text (ColumnData     *data,
              IrScheduleTask *task)
{
  char day[IR_DAY_STRING_SIZE];

  switch (data->column)
    {
    case COLUMN_NAME:
      return g_strdup (task->name ? task->name : "");
    case COLUMN_DURATION:
      return g_strdup_printf ("%d", task->milestone ? 0 : task->scheduled_duration);
    case COLUMN_START:
      return g_strdup (task->start != IR_DAY_NONE ? ir_day_format (task->start, day) : "");
    case COLUMN_COMMITTED:
      return g_strdup (task->committed != IR_DAY_NONE ? ir_day_format (task->committed, day) : "");
    case COLUMN_PROGRESS:
      return g_strdup_printf ("%d", task->progress);
    case COLUMN_WBS:
    case COLUMN_OWNER:
    case COLUMN_FINISH:
    case COLUMN_FLOAT:
    case N_COLUMNS:
    default:
      return NULL;
    }
}

/* Opens a small editor over @cell: an entry, or the list of members for
 * the owner. Summaries take their dates from their subtasks. */
void
ir_plan_table_start_editing (ColumnData *data,
                             GtkWidget  *cell)
{
  IrPlanRow *row = ir_plan_table_cell_row (cell);
  IrScheduleTask *task = row ? ir_plan_row_get_task (row) : NULL;
  g_autofree char *text = NULL;
  GtkWidget *popover, *child;

  if (task == NULL || data->page->store == NULL)
    return;
  if ((task->flags & IR_TASK_SUMMARY) &&
      (data->column == COLUMN_DURATION || data->column == COLUMN_START))
    return;
  if (data->column == COLUMN_COMMITTED && !task->milestone && task->committed == IR_DAY_NONE)
    return;

  if (data->column == COLUMN_OWNER)
    {
      child = new_owner_list (data);
    }
  else
    {
      text = editing_text (data, task);
      if (text == NULL)
        return;

      child = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (child), text);
      gtk_editable_set_width_chars (GTK_EDITABLE (child), data->column == COLUMN_NAME ? 32 : 12);
      g_signal_connect (child, "activate", G_CALLBACK (entry_activated_cb), data);
    }

  popover = gtk_popover_new ();
  gtk_widget_set_name (popover, "plan-cell-editor");
  g_object_set_data_full (G_OBJECT (popover), ROW_KEY, g_object_ref (row), g_object_unref);
  gtk_popover_set_child (GTK_POPOVER (popover), child);
  gtk_widget_set_parent (popover, cell);
  g_signal_connect (popover, "closed", G_CALLBACK (popover_closed_cb), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_widget_grab_focus (child);
}

void
ir_plan_table_cell_pressed_cb (GtkGestureClick *gesture,
                               int              n_press,
                               double           x,
                               double           y,
                               ColumnData      *data)
{
  if (n_press != 2)
    return;

  /* Claimed, so that the row does not also activate and edit the name. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  ir_plan_table_start_editing (data, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
}

/* --- the name ------------------------------------------------------------- */

/* Finds the cell of @column for the selected row, if it is on screen. */
static GtkWidget *
find_cell (GtkWidget *root,
           IrPlanRow *row,
           Column     column)
{
  ColumnData *data = g_object_get_data (G_OBJECT (root), COLUMN_KEY);

  if (data != NULL && data->column == column && ir_plan_table_cell_row (root) == row)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, row, column);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Opens the name editor on the selected task's row. */
void
ir_plan_table_edit_name (IrPlanPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(IrPlanRow) row = NULL;
  GtkWidget *cell;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  cell = find_cell (GTK_WIDGET (self->table), row, COLUMN_NAME);
  if (cell != NULL)
    ir_plan_table_start_editing (g_object_get_data (G_OBJECT (cell), COLUMN_KEY), cell);
}
