/* ir-plan-table.c: the task table of the plan page
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One column view column per fact of a task. Cells follow their row's
 * "changed" signal while bound, so that a reschedule updates only the cells
 * on screen. Editable cells write their task when editing ends.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ir-plan-page-private.h"

typedef enum
{
  COLUMN_WBS,
  COLUMN_NAME,
  COLUMN_OWNER,
  COLUMN_DURATION,
  COLUMN_START,
  COLUMN_FINISH,
  COLUMN_COMMITTED,
  COLUMN_FLOAT,
  COLUMN_PROGRESS,
  N_COLUMNS
} Column;

typedef struct
{
  IrPlanPage *page;
  Column      column;
} ColumnData;

typedef struct
{
  const char *title;
  int         width;
  gboolean    expand;
} ColumnInfo;

static const ColumnInfo columns[N_COLUMNS] = {
  [COLUMN_WBS] = { N_("WBS"), 56, FALSE },
  [COLUMN_NAME] = { N_("Task"), 240, TRUE },
  [COLUMN_OWNER] = { N_("Owner"), 110, FALSE },
  [COLUMN_DURATION] = { N_("Duration"), 72, FALSE },
  [COLUMN_START] = { N_("Start"), 120, FALSE },
  [COLUMN_FINISH] = { N_("Finish"), 120, FALSE },
  [COLUMN_COMMITTED] = { N_("Committed"), 120, FALSE },
  [COLUMN_FLOAT] = { N_("Float"), 60, FALSE },
  [COLUMN_PROGRESS] = { N_("Done"), 60, FALSE },
};

#define ROW_KEY      "ir-plan-row"
#define HANDLER_KEY  "ir-plan-row-handler"
#define BINDING_KEY  "ir-plan-binding"

/* --- dates and numbers ---------------------------------------------------- */

/**
 * ir_plan_parse_day:
 *
 * Reads a date typed in the table: "YYYY-MM-DD" anywhere in @text, or a
 * date in the user's locale.
 *
 * Returns: the day, or %IR_DAY_NONE
 */
IrDay
ir_plan_parse_day (const char *text)
{
  GDate date;

  if (text == NULL)
    return IR_DAY_NONE;

  for (const char *p = text; *p != '\0'; p++)
    {
      int year, month, day, length = 0;

      if (g_ascii_isdigit (*p) &&
          sscanf (p, "%4d-%2d-%2d%n", &year, &month, &day, &length) == 3 && length >= 8)
        return ir_day_from_ymd (year, month, day);
    }

  g_date_clear (&date, 1);
  g_date_set_parse (&date, text);
  if (!g_date_valid (&date))
    return IR_DAY_NONE;

  return ir_day_from_ymd (g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

/* Formats a day as the table shows it, or "—" for none. */
char *
ir_plan_format_day (IrDay day)
{
  int year, month, day_of_month;
  g_autoptr(GDateTime) time = NULL;

  if (day == IR_DAY_NONE)
    return g_strdup ("—");

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  time = g_date_time_new_utc (year, month, day_of_month, 0, 0, 0);

  /* Translators: a date in the plan's table, as a g_date_time_format()
   * format; keep the numeric YYYY-MM-DD part, which editing reads back. */
  return g_date_time_format (time, _("%a %Y-%m-%d"));
}

static char *
format_days (int days)
{
  /* Translators: a number of working days, short, in the plan's table. */
  return g_strdup_printf (C_("duration", "%d d"), days);
}

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

/* --- cells ---------------------------------------------------------------- */

static IrPlanRow *
cell_row (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), ROW_KEY);
}

static void
set_label (GtkWidget  *cell,
           const char *text)
{
  g_object_set_data (G_OBJECT (cell), BINDING_KEY, GINT_TO_POINTER (TRUE));
  if (GTK_IS_EDITABLE_LABEL (cell))
    {
      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell)))
        gtk_editable_set_text (GTK_EDITABLE (cell), text);
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (cell), text);
    }
  g_object_set_data (G_OBJECT (cell), BINDING_KEY, NULL);
}

static void
update_name_cell (ColumnData *data,
                  GtkWidget  *box,
                  IrPlanRow  *row)
{
  IrScheduleTask *task = ir_plan_row_get_task (row);
  GtkWidget *expander = gtk_widget_get_first_child (box);
  GtkWidget *mark = gtk_widget_get_next_sibling (expander);
  GtkWidget *name = gtk_widget_get_next_sibling (mark);
  gboolean summary = ir_plan_row_has_children (row);

  gtk_widget_set_margin_start (box, 16 * ir_plan_row_get_depth (row));
  gtk_widget_set_opacity (expander, summary ? 1.0 : 0.0);
  gtk_widget_set_sensitive (expander, summary);
  gtk_button_set_icon_name (GTK_BUTTON (expander),
                            ir_plan_row_is_expanded (row) ? "pan-down-symbolic"
                                                          : "pan-end-symbolic");

  gtk_label_set_label (GTK_LABEL (mark), task->milestone ? "◆" : "");
  gtk_widget_set_visible (mark, task->milestone);
  if (task->key_milestone)
    gtk_widget_add_css_class (mark, "key");
  else
    gtk_widget_remove_css_class (mark, "key");

  if (summary)
    gtk_widget_add_css_class (name, "summary");
  else
    gtk_widget_remove_css_class (name, "summary");
  set_label (name, task->name ? task->name : "");
}

static void
update_owner_cell (ColumnData *data,
                   GtkWidget  *cell,
                   IrPlanRow  *row)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (data->page->store, "task",
                                                    ir_plan_row_get_id (row));
  const char *owner = entity ? ir_entity_get_string (entity, "owner") : NULL;
  guint position = 0;

  for (guint i = 1; owner != NULL && i < data->page->member_ids->len; i++)
    if (g_strcmp0 (data->page->member_ids->pdata[i], owner) == 0)
      position = i;

  g_object_set_data (G_OBJECT (cell), BINDING_KEY, GINT_TO_POINTER (TRUE));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cell), position);
  g_object_set_data (G_OBJECT (cell), BINDING_KEY, NULL);
}

static void
update_cell (ColumnData *data,
             GtkWidget  *cell)
{
  IrPlanRow *row = cell_row (cell);
  IrScheduleTask *task = row ? ir_plan_row_get_task (row) : NULL;
  g_autofree char *text = NULL;

  if (task == NULL)
    return;

  switch (data->column)
    {
    case COLUMN_WBS:
      text = task->wbs ? g_strdup (task->wbs)
                       : ir_schedule_get_outline_number (ir_plan_rows_get_schedule (data->page->rows),
                                                         task);
      break;
    case COLUMN_NAME:
      update_name_cell (data, cell, row);
      return;
    case COLUMN_OWNER:
      update_owner_cell (data, cell, row);
      return;
    case COLUMN_DURATION:
      text = format_days (task->milestone ? 0 : task->scheduled_duration);
      gtk_widget_set_sensitive (cell, !(task->flags & IR_TASK_SUMMARY));
      break;
    case COLUMN_START:
      text = ir_plan_format_day (task->start);
      gtk_widget_set_sensitive (cell, !(task->flags & IR_TASK_SUMMARY));
      break;
    case COLUMN_FINISH:
      text = ir_plan_format_day (task->finish);
      break;
    case COLUMN_COMMITTED:
      text = task->committed != IR_DAY_NONE ? ir_plan_format_day (task->committed)
                                            : g_strdup (task->milestone ? "—" : "");
      gtk_widget_set_sensitive (cell, task->milestone);
      break;
    case COLUMN_FLOAT:
      text = format_days (task->total_float);
      if (task->flags & IR_TASK_CRITICAL)
        gtk_widget_add_css_class (cell, "critical");
      else
        gtk_widget_remove_css_class (cell, "critical");
      break;
    case COLUMN_PROGRESS:
      /* Translators: how much of a task is done. */
      text = g_strdup_printf (_("%d %%"), task->progress);
      break;
    case N_COLUMNS:
    default:
      g_return_if_reached ();
    }

  set_label (cell, text);
}

/* --- editing -------------------------------------------------------------- */

static void
commit_edit (ColumnData *data,
             GtkWidget  *cell,
             const char *text)
{
  /* The name's editable label sits in a box with the expander. */
  GtkWidget *holder = data->column == COLUMN_NAME ? gtk_widget_get_parent (cell) : cell;
  IrPlanRow *row = cell_row (holder);
  IrScheduleTask *task = row ? ir_plan_row_get_task (row) : NULL;
  const char *id = row ? ir_plan_row_get_id (row) : NULL;
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
      else if (day == IR_DAY_NONE && text[strspn (text, " \t")] == '\0')
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

  /* A rejected or unchanged value shows the task's own again. */
  update_cell (data, holder);
}

static void
editing_changed_cb (GtkEditableLabel *label,
                    GParamSpec       *pspec,
                    ColumnData       *data)
{
  g_autofree char *text = NULL;

  if (gtk_editable_label_get_editing (label))
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (label)));
  commit_edit (data, GTK_WIDGET (label), text);
}

static void
owner_selected_cb (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   ColumnData  *data)
{
  IrPlanRow *row = cell_row (GTK_WIDGET (drop_down));
  guint position = gtk_drop_down_get_selected (drop_down);
  IrPlanPage *page = data->page;

  if (row == NULL || g_object_get_data (G_OBJECT (drop_down), BINDING_KEY) != NULL ||
      position >= page->member_ids->len)
    return;

  ir_plan_page_set_text (page, ir_plan_row_get_id (row), "owner", page->member_ids->pdata[position]);
}

static void
expander_clicked_cb (GtkButton  *button,
                     ColumnData *data)
{
  IrPlanRow *row = cell_row (gtk_widget_get_parent (GTK_WIDGET (button)));

  if (row != NULL && ir_plan_row_has_children (row))
    {
      ir_plan_rows_set_expanded (data->page->rows, ir_plan_row_get_id (row),
                                 !ir_plan_row_is_expanded (row));
      ir_gantt_timeline_set_plan (data->page->timeline, data->page->schedule,
                                  ir_plan_rows_get_tasks (data->page->rows));
    }
}

/* --- factory -------------------------------------------------------------- */

static GtkWidget *
new_editable (ColumnData *data,
              gboolean    numeric)
{
  GtkWidget *label = gtk_editable_label_new ("");

  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  g_signal_connect (label, "notify::editing", G_CALLBACK (editing_changed_cb), data);

  return label;
}

static GtkWidget *
new_name_cell (ColumnData *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *expander = gtk_button_new_from_icon_name ("pan-end-symbolic");
  GtkWidget *mark = gtk_label_new ("");
  GtkWidget *name = new_editable (data, FALSE);

  gtk_widget_add_css_class (expander, "flat");
  gtk_widget_add_css_class (expander, "expander");
  gtk_widget_set_valign (expander, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (expander, _("Show or hide the subtasks"));
  g_signal_connect (expander, "clicked", G_CALLBACK (expander_clicked_cb), data);

  gtk_widget_add_css_class (mark, "milestone-mark");
  gtk_widget_set_hexpand (name, TRUE);

  gtk_box_append (GTK_BOX (box), expander);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), name);

  return box;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          ColumnData               *data)
{
  GtkWidget *cell;

  switch (data->column)
    {
    case COLUMN_NAME:
      cell = new_name_cell (data);
      break;
    case COLUMN_OWNER:
      cell = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (data->page->member_names)), NULL);
      gtk_widget_add_css_class (cell, "flat");
      g_signal_connect (cell, "notify::selected", G_CALLBACK (owner_selected_cb), data);
      break;
    case COLUMN_DURATION:
    case COLUMN_START:
    case COLUMN_COMMITTED:
    case COLUMN_PROGRESS:
      cell = new_editable (data, TRUE);
      break;
    case COLUMN_WBS:
    case COLUMN_FINISH:
    case COLUMN_FLOAT:
    case N_COLUMNS:
    default:
      cell = gtk_label_new ("");
      gtk_label_set_xalign (GTK_LABEL (cell), 0);
      gtk_widget_add_css_class (cell, "numeric");
      break;
    }

  gtk_list_item_set_child (item, cell);
}

static void
row_changed_cb (IrPlanRow *row,
                GtkWidget *cell)
{
  update_cell (g_object_get_data (G_OBJECT (cell), "ir-plan-column"), cell);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         ColumnData               *data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  IrPlanRow *row = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (cell), ROW_KEY, row);
  g_object_set_data (G_OBJECT (cell), "ir-plan-column", data);
  handler = g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), cell);
  g_object_set_data (G_OBJECT (cell), HANDLER_KEY, GSIZE_TO_POINTER (handler));
  update_cell (data, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnData               *data)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  IrPlanRow *row = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), HANDLER_KEY));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (cell), HANDLER_KEY, NULL);
  g_object_set_data (G_OBJECT (cell), ROW_KEY, NULL);
}

/* Adds the columns to the page's table and gives it the page's rows. */
void
ir_plan_table_setup (IrPlanPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnData *data = g_new0 (ColumnData, 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      data->page = self;
      data->column = i;
      g_object_set_data_full (G_OBJECT (factory), "ir-plan-column", data, g_free);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), data);

      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table, column);
    }

  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
}
