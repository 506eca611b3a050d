/* ir-gantt-timeline.c: the plan's timeline: bars, milestones and links
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline draws the rows of the task table beside it. Rows have a
 * fixed height and share the table's vertical adjustment, so that row N of
 * the chart is always level with row N of the table. GTK 4.8 has no
 * gtk_column_view_scroll_to(), which is why the two share an adjustment. The horizontal adjustment is the timeline's own. Drawing is in
 * ir-gantt-paint*.c, mouse input in ir-gantt-timeline-input.c.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-timeline-private.h"

/* Days of margin before the plan's first day and after its last. */
#define MARGIN_BEFORE 21
#define MARGIN_AFTER  60

G_DEFINE_FINAL_TYPE (IrGanttTimeline, ir_gantt_timeline, GTK_TYPE_WIDGET)

guint ir_gantt_timeline_signals[IR_GANTT_N_SIGNALS];

/* --- range and adjustments ------------------------------------------------ */

static double
day_width (IrGanttTimeline *self)
{
  return ir_gantt_zoom_get_day_width (self->zoom);
}

/* Sets the days the chart covers: the plan and today, with margins, from
 * a Monday. Returns whether it changed. */
static gboolean
update_range (IrGanttTimeline *self)
{
  IrDay first = self->today, last = self->today;
  IrDay span_start = IR_DAY_NONE, span_finish = IR_DAY_NONE;

  if (self->schedule != NULL && ir_schedule_is_computed (self->schedule))
    ir_schedule_get_span (self->schedule, &span_start, &span_finish);

  if (span_start != IR_DAY_NONE)
    first = first == IR_DAY_NONE ? span_start : MIN (first, span_start);
  if (span_finish != IR_DAY_NONE)
    last = last == IR_DAY_NONE ? span_finish : MAX (last, span_finish);
  if (first == IR_DAY_NONE)
    first = last = ir_gantt_day_today ();

  first -= MARGIN_BEFORE;
  first -= (first - 1) % 7;
  last += MARGIN_AFTER;

  if (first == self->origin && last == self->end)
    return FALSE;

  /* Keep the day at the left edge where it is. */
  if (self->origin != IR_DAY_NONE)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) +
                              (self->origin - first) * day_width (self));

  self->origin = first;
  self->end = last;
  return TRUE;
}

static void
configure_hadjustment (IrGanttTimeline *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double upper = (self->end - self->origin + 1) * day_width (self);
  double value = gtk_adjustment_get_value (self->hadjustment);

  gtk_adjustment_configure (self->hadjustment,
                            CLAMP (value, 0, MAX (0, upper - width)),
                            0, upper,
                            day_width (self) * 7, width * 0.9, width);
}

static void
adjustment_changed_cb (IrGanttTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- view ----------------------------------------------------------------- */

/* Fills @view with what a frame of the widget draws. */
void
ir_gantt_timeline_fill_view (IrGanttTimeline *self,
                             IrGanttView     *view)
{
  GtkWidget *widget = GTK_WIDGET (self);

  *view = (IrGanttView) {
    .schedule = self->schedule,
    .rows = self->rows,
    .row_of_task = self->row_of_task,
    .link_rows = self->link_rows,
    .seal_states = self->seal_states,
    .zoom = self->zoom,
    .day_width = day_width (self),
    .origin = self->origin,
    .x_offset = round (gtk_adjustment_get_value (self->hadjustment)),
    .y_offset = self->vadjustment ? round (gtk_adjustment_get_value (self->vadjustment)) : 0,
    .width = gtk_widget_get_width (widget),
    .height = gtk_widget_get_height (widget),
    .header_height = self->header_height,
    .row_height = self->row_height,
    .today = self->today,
    .baseline = self->baseline,
    .selected_row = self->selected_row,
    .pango = gtk_widget_get_pango_context (widget),
    .layouts = self->layouts,
  };
  ir_gantt_palette_init_from_widget (&view->palette, widget);

  if (self->drag == IR_GANTT_DRAG_MOVE || self->drag == IR_GANTT_DRAG_RESIZE)
    {
      view->preview_task = self->drag_task;
      view->preview_start = self->preview_start;
      view->preview_finish = self->preview_finish;
    }
  else if (self->drag == IR_GANTT_DRAG_LINK)
    {
      view->link_preview = TRUE;
      view->link_from = self->link_from;
      view->link_to = self->link_to;
    }
}

/* Returns the row under @y, or -1. */
int
ir_gantt_timeline_row_at (IrGanttTimeline *self,
                          double           y)
{
  double offset = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  int row;

  if (self->rows == NULL || y < self->header_height)
    return -1;

  row = (int) floor ((y - self->header_height + round (offset)) / self->row_height);

  return row >= 0 && row < (int) self->rows->len ? row : -1;
}

static void
rebuild_row_index (IrGanttTimeline *self)
{
  guint n_tasks = self->schedule ? ir_schedule_get_n_tasks (self->schedule) : 0;

  g_clear_pointer (&self->row_of_task, g_free);
  self->n_row_of_task = n_tasks;
  self->row_of_task = g_new (int, MAX (n_tasks, 1));
  for (guint i = 0; i < n_tasks; i++)
    self->row_of_task[i] = -1;

  for (guint row = 0; self->rows != NULL && row < self->rows->len; row++)
    {
      IrScheduleTask *task = g_ptr_array_index (self->rows, row);

      if (task->index < n_tasks)
        self->row_of_task[task->index] = row;
    }
}

/* --- GtkWidget ------------------------------------------------------------ */

static void
ir_gantt_timeline_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  IrGanttTimeline *self = IR_GANTT_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 720;
    }
  else
    {
      *minimum = self->header_height + self->row_height;
      *natural = self->header_height + 12 * self->row_height;
    }
}

static void
ir_gantt_timeline_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  configure_hadjustment (IR_GANTT_TIMELINE (widget));
}

static void
ir_gantt_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  IrGanttTimeline *self = IR_GANTT_TIMELINE (widget);
  IrGanttSnapshotCanvas canvas;
  IrGanttView view;
  graphene_rect_t rows_area;

  ir_gantt_timeline_fill_view (self, &view);
  rows_area = GRAPHENE_RECT_INIT (0, view.header_height, view.width,
                                  MAX (0, view.height - view.header_height));

  gtk_snapshot_push_clip (snapshot, &rows_area);
  ir_gantt_snapshot_canvas_init (&canvas, snapshot, &rows_area);
  ir_gantt_paint_rows (&canvas.parent, &view);
  ir_gantt_snapshot_canvas_finish (&canvas);
  gtk_snapshot_pop (snapshot);

  ir_gantt_snapshot_canvas_init (&canvas, snapshot,
                                 &GRAPHENE_RECT_INIT (0, 0, view.width, view.header_height));
  ir_gantt_paint_header (&canvas.parent, &view);
  ir_gantt_snapshot_canvas_finish (&canvas);
}

/* Text laid out with the old font or resolution must be laid out again. */
static void
ir_gantt_timeline_system_setting_changed (GtkWidget        *widget,
                                          GtkSystemSetting  setting)
{
  IrGanttTimeline *self = IR_GANTT_TIMELINE (widget);

  g_hash_table_remove_all (self->layouts);
  gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (ir_gantt_timeline_parent_class)->system_setting_changed (widget, setting);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_gantt_timeline_dispose (GObject *object)
{
  IrGanttTimeline *self = IR_GANTT_TIMELINE (object);

  ir_gantt_timeline_set_vadjustment (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_pointer (&self->schedule, ir_schedule_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->seal_states, g_hash_table_unref);
  g_clear_pointer (&self->row_of_task, g_free);
  g_clear_pointer (&self->link_rows, g_free);

  G_OBJECT_CLASS (ir_gantt_timeline_parent_class)->dispose (object);
}

static void
ir_gantt_timeline_finalize (GObject *object)
{
  IrGanttTimeline *self = IR_GANTT_TIMELINE (object);

  g_hash_table_unref (self->layouts);

  G_OBJECT_CLASS (ir_gantt_timeline_parent_class)->finalize (object);
}

static void
ir_gantt_timeline_class_init (IrGanttTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_gantt_timeline_dispose;
  object_class->finalize = ir_gantt_timeline_finalize;

  widget_class->measure = ir_gantt_timeline_measure;
  widget_class->size_allocate = ir_gantt_timeline_size_allocate;
  widget_class->snapshot = ir_gantt_timeline_snapshot;
  widget_class->query_tooltip = ir_gantt_timeline_query_tooltip;
  widget_class->system_setting_changed = ir_gantt_timeline_system_setting_changed;

  /**
   * IrGanttTimeline::task-moved:
   * @task_id: the task that was dragged
   * @start: the day it was dropped on, an #IrDay
   */
  ir_gantt_timeline_signals[IR_GANTT_SIGNAL_TASK_MOVED] =
    g_signal_new ("task-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  /**
   * IrGanttTimeline::task-resized:
   * @task_id: the task whose end was dragged
   * @duration: its new duration in working days
   */
  ir_gantt_timeline_signals[IR_GANTT_SIGNAL_TASK_RESIZED] =
    g_signal_new ("task-resized", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  /**
   * IrGanttTimeline::link-requested:
   * @predecessor_id: the task the link was drawn from
   * @successor_id: the task it was dropped on
   */
  ir_gantt_timeline_signals[IR_GANTT_SIGNAL_LINK_REQUESTED] =
    g_signal_new ("link-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  ir_gantt_timeline_signals[IR_GANTT_SIGNAL_ROW_SELECTED] =
    g_signal_new ("row-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  ir_gantt_timeline_signals[IR_GANTT_SIGNAL_TASK_ACTIVATED] =
    g_signal_new ("task-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "ganttimeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ir_gantt_timeline_init (IrGanttTimeline *self)
{
  self->layouts = ir_gantt_layout_cache_new ();
  self->hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->zoom = IR_GANTT_ZOOM_WEEKS;
  self->row_height = 32;
  self->header_height = 48;
  self->today = ir_gantt_day_today ();
  self->baseline = -1;
  self->selected_row = -1;
  self->origin = IR_DAY_NONE;
  self->end = IR_DAY_NONE;
  update_range (self);

  g_signal_connect_swapped (self->hadjustment, "value-changed",
                            G_CALLBACK (adjustment_changed_cb), self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Gantt chart of the tasks in the table"), -1);
  ir_gantt_timeline_init_input (self);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_gantt_timeline_new (void)
{
  return g_object_new (IR_TYPE_GANTT_TIMELINE, NULL);
}

/**
 * ir_gantt_timeline_set_plan:
 * @schedule: (nullable): the computed schedule
 * @rows: (nullable) (element-type IrScheduleTask): the tasks of the rows,
 *   in the order of the table
 *
 * Shows @rows of @schedule; both are kept by reference.
 */
void
ir_gantt_timeline_set_plan (IrGanttTimeline *self,
                            IrSchedule      *schedule,
                            GPtrArray       *rows)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  if (schedule != NULL)
    ir_schedule_ref (schedule);
  g_clear_pointer (&self->schedule, ir_schedule_unref);
  self->schedule = schedule;

  if (rows != NULL)
    g_ptr_array_ref (rows);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows;

  /* A drag in progress points into the old schedule. */
  self->drag = IR_GANTT_DRAG_NONE;
  self->drag_task = NULL;

  ir_gantt_timeline_refresh (self);

  /* Links and rows change only with the plan's outline, not when it is
   * computed again. */
  g_clear_pointer (&self->link_rows, g_free);
  if (schedule != NULL && ir_schedule_is_computed (schedule))
    self->link_rows = ir_gantt_index_links (schedule, self->row_of_task);
}

/* Redraws after the schedule was computed again. */
void
ir_gantt_timeline_refresh (IrGanttTimeline *self)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  rebuild_row_index (self);
  if (update_range (self))
    configure_hadjustment (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* @states: (nullable): task id → IrSealState + 1 of its confirmation */
void
ir_gantt_timeline_set_seal_states (IrGanttTimeline *self,
                                   GHashTable      *states)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  if (states != NULL)
    g_hash_table_ref (states);
  g_clear_pointer (&self->seal_states, g_hash_table_unref);
  self->seal_states = states;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GtkAdjustment *
ir_gantt_timeline_get_hadjustment (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), NULL);

  return self->hadjustment;
}

GtkAdjustment *
ir_gantt_timeline_get_vadjustment (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), NULL);

  return self->vadjustment;
}

/* Follows @adjustment, which the task table configures, for the rows. */
void
ir_gantt_timeline_set_vadjustment (IrGanttTimeline *self,
                                   GtkAdjustment   *adjustment)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  if (self->vadjustment == adjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, adjustment);

  if (adjustment != NULL)
    {
      g_signal_connect_swapped (adjustment, "value-changed",
                                G_CALLBACK (adjustment_changed_cb), self);
      g_signal_connect_swapped (adjustment, "changed",
                                G_CALLBACK (adjustment_changed_cb), self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

IrGanttZoom
ir_gantt_timeline_get_zoom (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), IR_GANTT_ZOOM_WEEKS);

  return self->zoom;
}

/* Changes the zoom and keeps the day at the middle of the view there. */
void
ir_gantt_timeline_set_zoom (IrGanttTimeline *self,
                            IrGanttZoom      zoom)
{
  double width, center_day;

  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));
  g_return_if_fail (zoom <= IR_GANTT_ZOOM_LAST);

  if (self->zoom == zoom)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  center_day = (gtk_adjustment_get_value (self->hadjustment) + width / 2) / day_width (self);

  self->zoom = zoom;
  g_hash_table_remove_all (self->layouts);
  configure_hadjustment (self);
  gtk_adjustment_set_value (self->hadjustment, center_day * day_width (self) - width / 2);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
ir_gantt_timeline_get_row_height (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), 0);

  return self->row_height;
}

void
ir_gantt_timeline_set_row_height (IrGanttTimeline *self,
                                  int              height)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));
  g_return_if_fail (height > 0);

  if (self->row_height == height)
    return;

  self->row_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

int
ir_gantt_timeline_get_header_height (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), 0);

  return self->header_height;
}

void
ir_gantt_timeline_set_header_height (IrGanttTimeline *self,
                                     int              height)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));
  g_return_if_fail (height >= 0);

  if (self->header_height == height)
    return;

  self->header_height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

IrDay
ir_gantt_timeline_get_today (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), IR_DAY_NONE);

  return self->today;
}

void
ir_gantt_timeline_set_today (IrGanttTimeline *self,
                             IrDay            today)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  self->today = today;
  ir_gantt_timeline_refresh (self);
}

int
ir_gantt_timeline_get_baseline (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), -1);

  return self->baseline;
}

/* Shows the ghosts of baseline @number under the bars; -1 hides them. */
void
ir_gantt_timeline_set_baseline (IrGanttTimeline *self,
                                int              number)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));
  g_return_if_fail (number >= -1 && number <= IR_BASELINE_MAX);

  self->baseline = number;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
ir_gantt_timeline_get_selected_row (IrGanttTimeline *self)
{
  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), -1);

  return self->selected_row;
}

void
ir_gantt_timeline_set_selected_row (IrGanttTimeline *self,
                                    int              row)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  if (self->selected_row == row)
    return;

  self->selected_row = row;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolls so that @day is a little right of the left edge. */
void
ir_gantt_timeline_scroll_to_day (IrGanttTimeline *self,
                                 IrDay            day)
{
  g_return_if_fail (IR_IS_GANTT_TIMELINE (self));

  if (day == IR_DAY_NONE)
    return;

  configure_hadjustment (self);
  gtk_adjustment_set_value (self->hadjustment,
                            (day - self->origin - 7) * day_width (self));
}
