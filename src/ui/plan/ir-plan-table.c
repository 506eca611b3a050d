/* ir-plan-table.c: the task table of the plan page
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One column view column per fact of a task. Cells follow their row's
 * "changed" signal while bound, so that a reschedule updates only the cells
 * on screen. Editing them is in ir-plan-table-edit.c.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ir-plan-table-private.h"

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

/* Formats a day as the table shows it, or "—" for none. The texts are
 * kept, since a refresh formats the dates of every row on screen and a
 * plan has a few thousand distinct days at most. */
char *
ir_plan_format_day (IrDay day)
{
  static GHashTable *texts = NULL;
  int year, month, day_of_month;
  g_autoptr(GDateTime) time = NULL;
  char *text;

  if (day == IR_DAY_NONE)
    return g_strdup ("—");

  if (texts == NULL)
    texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  text = g_hash_table_lookup (texts, GINT_TO_POINTER (day));
  if (text != NULL)
    return g_strdup (text);

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  time = g_date_time_new_utc (year, month, day_of_month, 0, 0, 0);

  /* Translators: a date in the plan's table, as a g_date_time_format()
   * format; keep the numeric YYYY-MM-DD part, which editing reads back. */
  text = g_date_time_format (time, _("%a %Y-%m-%d"));
  g_hash_table_insert (texts, GINT_TO_POINTER (day), text);

  return g_strdup (text);
}

static char *
format_days (int days)
{
  /* Translators: a number of working days, short, in the plan's table. */
  return g_strdup_printf (C_("duration", "%d d"), days);
}

/* --- cells ---------------------------------------------------------------- */

IrPlanRow *
ir_plan_table_cell_row (GtkWidget *cell)
{
  return g_object_get_data (G_OBJECT (cell), ROW_KEY);
}

static void
set_text (GtkWidget  *cell,
          const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
}

static void
set_class (GtkWidget  *widget,
           const char *name,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, name);
  else
    gtk_widget_remove_css_class (widget, name);
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
  gtk_image_set_from_icon_name (GTK_IMAGE (expander),
                                ir_plan_row_is_expanded (row) ? "pan-down-symbolic"
                                                              : "pan-end-symbolic");

  gtk_widget_set_visible (mark, task->milestone);
  set_class (mark, "key", task->key_milestone);
  set_class (name, "summary", summary);
  gtk_label_set_label (GTK_LABEL (name), task->name ? task->name : "");
}

static void
update_owner_cell (ColumnData *data,
                   GtkWidget  *cell,
                   IrPlanRow  *row)
{
  const char *owner = ir_plan_page_get_owner (data->page, ir_plan_row_get_id (row));
  g_autofree char *name = owner ? ir_plan_page_dup_member_name (data->page, owner) : NULL;

  set_text (cell, name ? name : "");
}

static void
update_cell (ColumnData *data,
             GtkWidget  *cell)
{
  IrPlanRow *row = ir_plan_table_cell_row (cell);
  IrScheduleTask *task = row ? ir_plan_row_get_task (row) : NULL;
  IrSchedule *schedule = ir_plan_rows_get_schedule (data->page->rows);
  gboolean summary;
  g_autofree char *text = NULL;

  if (task == NULL)
    return;

  summary = (task->flags & IR_TASK_SUMMARY) != 0;
  switch (data->column)
    {
    case COLUMN_WBS:
      text = task->wbs ? g_strdup (task->wbs) : ir_schedule_get_outline_number (schedule, task);
      break;
    case COLUMN_NAME:
      update_name_cell (data, cell, row);
      return;
    case COLUMN_OWNER:
      update_owner_cell (data, cell, row);
      return;
    case COLUMN_DURATION:
      text = format_days (task->milestone ? 0 : task->scheduled_duration);
      set_class (cell, "dim-label", summary);
      break;
    case COLUMN_START:
      text = ir_plan_format_day (task->start);
      set_class (cell, "dim-label", summary);
      break;
    case COLUMN_FINISH:
      text = ir_plan_format_day (task->finish);
      set_class (cell, "dim-label", summary);
      break;
    case COLUMN_COMMITTED:
      text = task->committed != IR_DAY_NONE ? ir_plan_format_day (task->committed) : g_strdup ("");
      set_class (cell, "late", task->committed != IR_DAY_NONE && task->finish > task->committed);
      break;
    case COLUMN_FLOAT:
      text = format_days (task->total_float);
      set_class (cell, "critical", (task->flags & IR_TASK_CRITICAL) != 0);
      break;
    case COLUMN_PROGRESS:
      /* Translators: how much of a task is done. */
      text = g_strdup_printf (_("%d %%"), task->progress);
      break;
    case N_COLUMNS:
    default:
      g_return_if_reached ();
    }

  set_text (cell, text);
}

static void
expander_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     ColumnData      *data)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  IrPlanRow *row = ir_plan_table_cell_row (gtk_widget_get_parent (expander));

  if (row == NULL || !ir_plan_row_has_children (row))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  ir_plan_rows_set_expanded (data->page->rows, ir_plan_row_get_id (row),
                             !ir_plan_row_is_expanded (row));
  ir_gantt_timeline_set_plan (data->page->timeline, data->page->schedule,
                              ir_plan_rows_get_tasks (data->page->rows));
}

/* --- factory -------------------------------------------------------------- */

/* Cells are inscriptions, which cost little to make and lay out, because
 * a column view makes up to 200 rows of them. */
static GtkWidget *
new_text_cell (gboolean numeric)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (cell), 0.5);
  gtk_widget_set_hexpand (cell, TRUE);
  if (numeric)
    gtk_widget_add_css_class (cell, "numeric");

  return cell;
}

static GtkWidget *
new_name_cell (ColumnData *data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *expander = gtk_image_new_from_icon_name ("pan-end-symbolic");
  GtkWidget *mark = gtk_label_new ("◆");
  GtkWidget *name = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  /* A label, not an inscription: an inscription that ellipsizes puts its
   * line off centre (GTK 4.8). */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);

  gtk_widget_add_css_class (expander, "expander");
  gtk_widget_set_tooltip_text (expander, _("Show or hide the subtasks"));
  g_signal_connect (click, "pressed", G_CALLBACK (expander_pressed_cb), data);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_css_class (mark, "milestone-mark");

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
  GtkGesture *click;

  if (data->column == COLUMN_NAME)
    cell = new_name_cell (data);
  else
    cell = new_text_cell (data->column != COLUMN_OWNER);

  if (data->column != COLUMN_WBS && data->column != COLUMN_FINISH &&
      data->column != COLUMN_FLOAT)
    {
      click = gtk_gesture_click_new ();
      g_signal_connect (click, "pressed", G_CALLBACK (ir_plan_table_cell_pressed_cb), data);
      gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (click));
    }

  gtk_list_item_set_child (item, cell);
}

static void
row_changed_cb (IrPlanRow *row,
                GtkWidget *cell)
{
  update_cell (g_object_get_data (G_OBJECT (cell), COLUMN_KEY), cell);
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
  g_object_set_data (G_OBJECT (cell), COLUMN_KEY, data);
  handler = g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), cell);
  g_object_set_data (G_OBJECT (cell), HANDLER_KEY, GSIZE_TO_POINTER (handler));
  ir_plan_rows_watch (data->page->rows, row, TRUE);
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
    {
      g_signal_handler_disconnect (row, handler);
      ir_plan_rows_watch (data->page->rows, row, FALSE);
    }
  g_object_set_data (G_OBJECT (cell), HANDLER_KEY, NULL);
  g_object_set_data (G_OBJECT (cell), ROW_KEY, NULL);
}

/* Enter on a row edits its task's name. */
static void
row_activated_cb (GtkColumnView *table,
                  guint          position,
                  IrPlanPage    *self)
{
  IrScheduleTask *task = ir_plan_rows_get_task (self->rows, position);

  if (task != NULL)
    ir_plan_table_edit_name (self);
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
      g_object_set_data_full (G_OBJECT (factory), COLUMN_KEY, data, g_free);
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
  g_signal_connect (self->table, "activate", G_CALLBACK (row_activated_cb), self);
}

