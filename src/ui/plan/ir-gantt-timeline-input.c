/* ir-gantt-timeline-input.c: dragging, scrolling and tooltips of the timeline
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A drag on a bar moves the task, a drag on its end resizes it, and a drag
 * from just past its end draws a link to the task it is dropped on. The
 * timeline only shows a preview; the page writes the change on release.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-timeline-private.h"

/* --- hit testing ---------------------------------------------------------- */

/**
 * ir_gantt_timeline_hit:
 * @task: (out): the task under the point
 *
 * Finds what a press at (@x, @y) would drag.
 *
 * Returns: the kind of drag, or %IR_GANTT_DRAG_NONE
 */
IrGanttDrag
ir_gantt_timeline_hit (IrGanttTimeline  *self,
                       double            x,
                       double            y,
                       IrScheduleTask  **task)
{
  int row = ir_gantt_timeline_row_at (self, y);
  IrGanttView view;
  IrScheduleTask *hit;
  double x0, x1;

  *task = NULL;
  if (row < 0)
    return IR_GANTT_DRAG_NONE;

  hit = g_ptr_array_index (self->rows, row);
  ir_gantt_timeline_fill_view (self, &view);
  if (!ir_gantt_view_task_extent (&view, hit, &x0, &x1))
    return IR_GANTT_DRAG_NONE;

  *task = hit;

  if (x >= x1 && x <= x1 + IR_GANTT_LINK_ZONE)
    return IR_GANTT_DRAG_LINK;
  if (x < x0 || x > x1 || (hit->flags & IR_TASK_SUMMARY))
    return IR_GANTT_DRAG_NONE;
  if (!hit->milestone && x >= x1 - IR_GANTT_RESIZE_ZONE && x1 - x0 > 2 * IR_GANTT_RESIZE_ZONE)
    return IR_GANTT_DRAG_RESIZE;

  return IR_GANTT_DRAG_MOVE;
}

static IrCalendar *
calendar (IrGanttTimeline *self)
{
  return ir_schedule_get_calendar (self->schedule);
}

static int
working_duration (IrGanttTimeline *self,
                  IrScheduleTask  *task)
{
  return MAX (task->milestone ? 0 : 1, task->scheduled_duration);
}

/* --- dragging ------------------------------------------------------------- */

static void
update_preview (IrGanttTimeline *self,
                double           dx,
                double           dy)
{
  IrScheduleTask *task = self->drag_task;
  double width = ir_gantt_zoom_get_day_width (self->zoom);
  int days = (int) lround (dx / width);
  int duration = working_duration (self, task);

  switch (self->drag)
    {
    case IR_GANTT_DRAG_MOVE:
      self->preview_start = ir_calendar_add_working_days (calendar (self), task->start + days, 0);
      self->preview_finish = duration > 0
                             ? ir_calendar_add_working_days (calendar (self),
                                                             self->preview_start, duration - 1)
                             : self->preview_start;
      break;

    case IR_GANTT_DRAG_RESIZE:
      self->preview_start = task->start;
      self->preview_finish = MAX (task->start, task->finish + days);
      break;

    case IR_GANTT_DRAG_LINK:
      self->link_to = GRAPHENE_POINT_INIT (self->drag_x + dx, self->drag_y + dy);
      break;

    case IR_GANTT_DRAG_NONE:
    default:
      return;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               IrGanttTimeline *self)
{
  IrScheduleTask *task = NULL;
  int row = ir_gantt_timeline_row_at (self, y);

  self->drag = ir_gantt_timeline_hit (self, x, y, &task);
  self->drag_task = task;
  self->drag_x = x;
  self->drag_y = y;
  if (self->drag == IR_GANTT_DRAG_NONE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  if (self->drag == IR_GANTT_DRAG_LINK)
    {
      IrGanttView view;
      double x0, x1;

      ir_gantt_timeline_fill_view (self, &view);
      ir_gantt_view_task_extent (&view, task, &x0, &x1);
      self->link_from = GRAPHENE_POINT_INIT (x1, ir_gantt_view_row_y (&view, row) +
                                                 self->row_height / 2.0);
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  update_preview (self, 0, 0);
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                IrGanttTimeline *self)
{
  if (self->drag != IR_GANTT_DRAG_NONE)
    update_preview (self, dx, dy);
}

/* Returns the task whose row and bar are under (@x, @y), or %NULL. */
static IrScheduleTask *
task_at (IrGanttTimeline *self,
         double           x,
         double           y)
{
  int row = ir_gantt_timeline_row_at (self, y);
  IrScheduleTask *task;
  IrGanttView view;
  double x0, x1;

  if (row < 0)
    return NULL;

  task = g_ptr_array_index (self->rows, row);
  ir_gantt_timeline_fill_view (self, &view);
  if (!ir_gantt_view_task_extent (&view, task, &x0, &x1) ||
      x < x0 - IR_GANTT_LINK_ZONE || x > x1 + IR_GANTT_LINK_ZONE)
    return NULL;

  return task;
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             IrGanttTimeline *self)
{
  IrScheduleTask *task = self->drag_task;
  IrGanttDrag drag = self->drag;
  IrScheduleTask *target;

  if (drag == IR_GANTT_DRAG_NONE || task == NULL)
    return;

  update_preview (self, dx, dy);
  self->drag = IR_GANTT_DRAG_NONE;
  self->drag_task = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  switch (drag)
    {
    case IR_GANTT_DRAG_MOVE:
      if (self->preview_start != task->start)
        ir_gantt_timeline_emit_move (self, task, self->preview_start);
      break;

    case IR_GANTT_DRAG_RESIZE:
      if (self->preview_finish != task->finish)
        ir_gantt_timeline_emit_resize (self, task,
                                       ir_calendar_count_working_days (calendar (self),
                                                                       task->start,
                                                                       self->preview_finish) + 1);
      break;

    case IR_GANTT_DRAG_LINK:
      target = task_at (self, self->drag_x + dx, self->drag_y + dy);
      if (target != NULL && target != task)
        ir_gantt_timeline_emit_link (self, task, target);
      break;

    case IR_GANTT_DRAG_NONE:
    default:
      break;
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            IrGanttTimeline *self)
{
  int row = ir_gantt_timeline_row_at (self, y);

  if (row < 0)
    return;

  g_signal_emit (self, ir_gantt_timeline_signals[IR_GANTT_SIGNAL_ROW_SELECTED], 0, row);
  if (n_press == 2)
    {
      IrScheduleTask *task = g_ptr_array_index (self->rows, row);

      g_signal_emit (self, ir_gantt_timeline_signals[IR_GANTT_SIGNAL_TASK_ACTIVATED], 0,
                     task->id);
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IrGanttTimeline          *self)
{
  static const char * const cursors[] = { NULL, "grab", "ew-resize", "crosshair" };
  IrScheduleTask *task;

  if (self->drag != IR_GANTT_DRAG_NONE)
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   cursors[ir_gantt_timeline_hit (self, x, y, &task)]);
}

/* --- scrolling ------------------------------------------------------------ */

static void
scroll_by (GtkAdjustment *adjustment,
           double         delta)
{
  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
}

/* The wheel scrolls the rows; with Shift it scrolls through time and with
 * Ctrl it zooms. */
static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           IrGanttTimeline          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double row_step = wheel ? 3.0 * self->row_height : 1.0;
  double day_step = wheel ? 60.0 : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      if (dy < 0 && self->zoom > IR_GANTT_ZOOM_DAYS)
        ir_gantt_timeline_set_zoom (self, self->zoom - 1);
      else if (dy > 0 && self->zoom < IR_GANTT_ZOOM_LAST)
        ir_gantt_timeline_set_zoom (self, self->zoom + 1);
      return GDK_EVENT_STOP;
    }

  if (state & GDK_SHIFT_MASK)
    {
      scroll_by (self->hadjustment, (dy + dx) * day_step);
      return GDK_EVENT_STOP;
    }

  scroll_by (self->hadjustment, dx * day_step);
  scroll_by (self->vadjustment, dy * row_step);

  return GDK_EVENT_STOP;
}

/* --- tooltip -------------------------------------------------------------- */

static char *
format_day (IrDay day)
{
  int year, month, day_of_month;
  g_autoptr(GDateTime) time = NULL;

  if (day == IR_DAY_NONE)
    return g_strdup ("—");

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  time = g_date_time_new_utc (year, month, day_of_month, 0, 0, 0);

  /* Translators: a date in the timeline's tooltips, as a
   * g_date_time_format() format. */
  return g_date_time_format (time, _("%a %-d %b %Y"));
}

gboolean
ir_gantt_timeline_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  IrGanttTimeline *self = IR_GANTT_TIMELINE (widget);
  IrScheduleTask *task = task_at (self, x, y);
  g_autoptr(GString) text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;

  if (task == NULL || self->drag != IR_GANTT_DRAG_NONE)
    return FALSE;

  escaped = g_markup_escape_text (task->name ? task->name : "", -1);
  start = format_day (task->start);
  finish = format_day (task->finish);
  text = g_string_new (NULL);
  g_string_append_printf (text, "<b>%s</b>\n", escaped);

  if (task->milestone)
    /* Translators: the forecast date of a milestone. */
    g_string_append_printf (text, _("Forecast: %s"), start);
  else
    /* Translators: a task's start and finish dates. */
    g_string_append_printf (text, _("%s – %s"), start, finish);

  if (!task->milestone)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d working day",
                                                 "%d working days", task->scheduled_duration),
                              task->scheduled_duration);
    }

  if (task->committed != IR_DAY_NONE)
    {
      g_autofree char *committed = format_day (task->committed);

      g_string_append_c (text, '\n');
      /* Translators: the date promised to the customer. */
      g_string_append_printf (text, _("Committed: %s"), committed);
    }

  g_string_append_c (text, '\n');
  if (task->flags & IR_TASK_CRITICAL)
    g_string_append (text, _("On the critical path"));
  else
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Total float: %d working day",
                                               "Total float: %d working days", task->total_float),
                            task->total_float);

  if (task->flags & IR_TASK_IN_CYCLE)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _("In a dependency cycle: its links are left out"));
    }

  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

/* --- setup ---------------------------------------------------------------- */

void
ir_gantt_timeline_init_input (IrGanttTimeline *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

/* --- public API ----------------------------------------------------------- */

/* Returns the x of the start of @day, in widget coordinates. */
double
ir_gantt_timeline_get_day_x (IrGanttTimeline *self,
                             IrDay            day)
{
  IrGanttView view;

  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), 0);

  ir_gantt_timeline_fill_view (self, &view);
  return ir_gantt_view_day_x (&view, day);
}

/**
 * ir_gantt_timeline_get_bar_area:
 *
 * Gets where the task of @row is drawn, in widget coordinates.
 *
 * Returns: %FALSE when the row has no task with dates
 */
gboolean
ir_gantt_timeline_get_bar_area (IrGanttTimeline *self,
                                int              row,
                                graphene_rect_t *area)
{
  IrGanttView view;
  double x0, x1;

  g_return_val_if_fail (IR_IS_GANTT_TIMELINE (self), FALSE);

  if (self->rows == NULL || row < 0 || row >= (int) self->rows->len)
    return FALSE;

  ir_gantt_timeline_fill_view (self, &view);
  if (!ir_gantt_view_task_extent (&view, g_ptr_array_index (self->rows, row), &x0, &x1))
    return FALSE;

  *area = GRAPHENE_RECT_INIT (x0, ir_gantt_view_row_y (&view, row), x1 - x0, self->row_height);
  return TRUE;
}

void
ir_gantt_timeline_emit_move (IrGanttTimeline *self,
                             IrScheduleTask  *task,
                             IrDay            start)
{
  g_signal_emit (self, ir_gantt_timeline_signals[IR_GANTT_SIGNAL_TASK_MOVED], 0,
                 task->id, (int) start);
}

void
ir_gantt_timeline_emit_resize (IrGanttTimeline *self,
                               IrScheduleTask  *task,
                               int              duration)
{
  g_signal_emit (self, ir_gantt_timeline_signals[IR_GANTT_SIGNAL_TASK_RESIZED], 0,
                 task->id, duration);
}

void
ir_gantt_timeline_emit_link (IrGanttTimeline *self,
                             IrScheduleTask  *predecessor,
                             IrScheduleTask  *successor)
{
  g_signal_emit (self, ir_gantt_timeline_signals[IR_GANTT_SIGNAL_LINK_REQUESTED], 0,
                 predecessor->id, successor->id);
}
