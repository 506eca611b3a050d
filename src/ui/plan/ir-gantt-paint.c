/* ir-gantt-paint.c: drawing the rows of the Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same code draws the timeline widget and the PDF and printed chart,
 * through an IrGanttCanvas. Only the visible rows are drawn, and links are
 * skipped unless their span of rows crosses the visible ones, so that a
 * plan of 10,000 tasks costs what its screenful costs.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-paint-private.h"

#define ARROW_STUB 6.0
#define ARROW_HEAD 4.5

/* --- geometry ------------------------------------------------------------- */

double
ir_gantt_view_day_x (const IrGanttView *view,
                     IrDay              day)
{
  return (day - view->origin) * view->day_width - view->x_offset;
}

IrDay
ir_gantt_view_day_at (const IrGanttView *view,
                      double             x)
{
  return view->origin + (IrDay) floor ((x + view->x_offset) / view->day_width);
}

double
ir_gantt_view_row_y (const IrGanttView *view,
                     int                row)
{
  return view->header_height + row * view->row_height - view->y_offset;
}

void
ir_gantt_view_visible_rows (const IrGanttView *view,
                            int               *first,
                            int               *last)
{
  int n = view->rows ? (int) view->rows->len : 0;
  double rows_height = view->height - view->header_height;

  *first = MAX (0, (int) floor (view->y_offset / view->row_height));
  *last = MIN (n - 1, (int) floor ((view->y_offset + rows_height) / view->row_height));
}

double
ir_gantt_view_milestone_x (const IrGanttView *view,
                           IrScheduleTask    *task)
{
  IrDay day = task->start;

  if (task->flags & IR_TASK_END_OF_DAY)
    day++;

  return ir_gantt_view_day_x (view, day);
}

double
ir_gantt_view_diamond_radius (const IrGanttView *view,
                              IrScheduleTask    *task)
{
  return task->key_milestone ? view->row_height * 0.30 : view->row_height * 0.23;
}

/* The horizontal extent of a task's shape: its bar, or its diamond. */
gboolean
ir_gantt_view_task_extent (const IrGanttView *view,
                           IrScheduleTask    *task,
                           double            *x0,
                           double            *x1)
{
  if (task->start == IR_DAY_NONE)
    return FALSE;

  if (task->milestone)
    {
      double x = ir_gantt_view_milestone_x (view, task);
      double radius = ir_gantt_view_diamond_radius (view, task);

      *x0 = x - radius;
      *x1 = x + radius;
    }
  else
    {
      *x0 = ir_gantt_view_day_x (view, task->start);
      *x1 = ir_gantt_view_day_x (view, MAX (task->finish, task->start) + 1);
    }

  return TRUE;
}

/* --- background ----------------------------------------------------------- */

static void
paint_days (IrGanttCanvas     *canvas,
            const IrGanttView *view,
            double             top,
            double             height)
{
  IrCalendar *calendar = ir_schedule_get_calendar (view->schedule);
  IrDay first = ir_gantt_view_day_at (view, 0);
  IrDay last = ir_gantt_view_day_at (view, view->width);
  IrDay run_start = IR_DAY_NONE;
  gboolean run_holiday = FALSE;

  /* Days off are shaded only while a day is wide enough to see. */
  if (view->day_width < 4 || calendar == NULL)
    return;

  for (IrDay day = first; day <= last + 1; day++)
    {
      gboolean off = day <= last && !ir_calendar_is_working_day (calendar, day);
      IrDayKind kind = IR_DAY_KIND_WORKDAY;
      gboolean holiday = off && ir_calendar_lookup_exception (calendar, day, &kind, NULL) &&
                         kind == IR_DAY_KIND_HOLIDAY;

      if (run_start != IR_DAY_NONE && (!off || holiday != run_holiday))
        {
          double x0 = ir_gantt_view_day_x (view, run_start);
          double x1 = ir_gantt_view_day_x (view, day);
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x0, top, x1 - x0, height);

          canvas->fill_rect (canvas, &rect,
                             run_holiday ? &view->palette.holiday : &view->palette.weekend);
          run_start = IR_DAY_NONE;
        }

      if (off && run_start == IR_DAY_NONE)
        {
          run_start = day;
          run_holiday = holiday;
        }
    }
}

static void
paint_grid (IrGanttCanvas     *canvas,
            const IrGanttView *view,
            double             top,
            double             height,
            int                first_row,
            int                last_row)
{
  IrDay first = ir_gantt_view_day_at (view, 0);
  IrDay last = ir_gantt_view_day_at (view, view->width);
  g_autoptr(GArray) ticks = ir_gantt_scale_get_ticks (view->zoom, FALSE, first, last);

  for (guint i = 0; i < ticks->len; i++)
    {
      IrGanttTick *tick = &g_array_index (ticks, IrGanttTick, i);
      graphene_rect_t line = GRAPHENE_RECT_INIT (floor (ir_gantt_view_day_x (view, tick->first)),
                                                 top, 1, height);

      canvas->fill_rect (canvas, &line, &view->palette.grid);
    }

  for (int row = first_row; row <= last_row + 1; row++)
    {
      graphene_rect_t line = GRAPHENE_RECT_INIT (0, floor (ir_gantt_view_row_y (view, row)) - 1,
                                                 view->width, 1);

      canvas->fill_rect (canvas, &line, &view->palette.grid);
    }
}

/* --- links ---------------------------------------------------------------- */

/* The point where a link leaves or enters a task: its start or its finish. */
static void
link_end (const IrGanttView *view,
          IrScheduleTask    *task,
          gboolean           at_finish,
          int                row,
          double            *x,
          double            *y)
{
  double x0, x1;

  ir_gantt_view_task_extent (view, task, &x0, &x1);
  *x = at_finish ? x1 : x0;
  *y = ir_gantt_view_row_y (view, row) + view->row_height / 2;
}

static void
paint_link (cairo_t           *cr,
            const IrGanttView *view,
            IrScheduleLink    *link,
            IrScheduleTask    *predecessor,
            IrScheduleTask    *successor,
            int                from_row,
            int                to_row)
{
  gboolean from_finish = link->type == IR_LINK_FS || link->type == IR_LINK_FF;
  gboolean to_finish = link->type == IR_LINK_FF || link->type == IR_LINK_SF;
  double out = from_finish ? 1 : -1;     /* direction leaving the predecessor */
  double in = to_finish ? -1 : 1;        /* direction of the arrow */
  double x1, y1, x2, y2, stub, approach, turn_y;
  gboolean critical = (predecessor->flags & IR_TASK_CRITICAL) &&
                      (successor->flags & IR_TASK_CRITICAL) &&
                      (link->flags & IR_LINK_DRIVING);

  link_end (view, predecessor, from_finish, from_row, &x1, &y1);
  link_end (view, successor, to_finish, to_row, &x2, &y2);

  stub = x1 + out * ARROW_STUB;
  approach = x2 - in * ARROW_STUB;
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, stub, y1);

  if ((in > 0 && stub <= approach) || (in < 0 && stub >= approach))
    {
      cairo_line_to (cr, stub, y2);
    }
  else
    {
      /* Go around: along the gap between the two rows, then back. */
      turn_y = to_row > from_row ? ir_gantt_view_row_y (view, to_row)
                                 : ir_gantt_view_row_y (view, to_row + 1);
      cairo_line_to (cr, stub, turn_y);
      cairo_line_to (cr, approach, turn_y);
      cairo_line_to (cr, approach, y2);
    }
  cairo_line_to (cr, x2 - in * ARROW_HEAD, y2);

  if (link->flags & IR_LINK_IN_CYCLE)
    {
      static const double dashes[] = { 3.0, 2.0 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      ir_gantt_set_source (cr, &view->palette.conflict);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
      ir_gantt_set_source (cr, critical ? &view->palette.critical_done : &view->palette.link);
    }
  cairo_stroke (cr);

  cairo_move_to (cr, x2, y2);
  cairo_line_to (cr, x2 - in * ARROW_HEAD, y2 - ARROW_HEAD * 0.8);
  cairo_line_to (cr, x2 - in * ARROW_HEAD, y2 + ARROW_HEAD * 0.8);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/**
 * ir_gantt_index_links:
 * @row_of_task: the row of each task, by task index, -1 when not shown
 *
 * Finds the rows of both ends of every link once, so that a frame only
 * compares numbers to find the links that cross the rows on screen.
 *
 * Returns: (transfer full): two rows per link, by link index; -1 for an
 *   end that is not shown or has no dates
 */
int *
ir_gantt_index_links (IrSchedule *schedule,
                      const int  *row_of_task)
{
  guint n = ir_schedule_get_n_links (schedule);
  int *rows = g_new (int, 2 * MAX (n, 1));

  for (guint l = 0; l < n; l++)
    {
      IrScheduleLink *link = ir_schedule_get_link (schedule, l);
      IrScheduleTask *predecessor = ir_schedule_lookup_task (schedule, link->predecessor_id);
      IrScheduleTask *successor = ir_schedule_lookup_task (schedule, link->successor_id);
      gboolean drawn = !(link->flags & IR_LINK_BROKEN) && predecessor != NULL &&
                       successor != NULL && predecessor->start != IR_DAY_NONE &&
                       successor->start != IR_DAY_NONE;

      rows[2 * l] = drawn ? row_of_task[predecessor->index] : -1;
      rows[2 * l + 1] = drawn ? row_of_task[successor->index] : -1;
    }

  return rows;
}

static void
paint_links (IrGanttCanvas     *canvas,
             const IrGanttView *view,
             int                first_row,
             int                last_row)
{
  IrSchedule *schedule = view->schedule;
  guint n = ir_schedule_get_n_links (schedule);
  cairo_t *cr = NULL;

  for (guint l = 0; l < n; l++)
    {
      int from_row = view->link_rows[2 * l];
      int to_row = view->link_rows[2 * l + 1];
      IrScheduleLink *link;

      if (from_row < 0 || to_row < 0 ||
          MAX (from_row, to_row) < first_row || MIN (from_row, to_row) > last_row)
        continue;

      if (cr == NULL)
        {
          cr = canvas->get_cairo (canvas, 0);
          cairo_set_line_width (cr, 1.0);
        }

      link = ir_schedule_get_link (schedule, l);
      paint_link (cr, view, link,
                  g_ptr_array_index (view->rows, from_row),
                  g_ptr_array_index (view->rows, to_row),
                  from_row, to_row);
    }
}

static void
paint_today (IrGanttCanvas     *canvas,
             const IrGanttView *view,
             double             top,
             double             height)
{
  double x;
  graphene_rect_t line;

  if (view->today == IR_DAY_NONE)
    return;

  x = ir_gantt_view_day_x (view, view->today) + view->day_width / 2;
  line = GRAPHENE_RECT_INIT (x - 1, top, 2, height);
  canvas->fill_rect (canvas, &line, &view->palette.today);
}

/**
 * ir_gantt_paint_rows:
 *
 * Draws the rows area of @view: shading, grid, today's line, links, bars,
 * milestones and labels, with the first row under the header.
 */
void
ir_gantt_paint_rows (IrGanttCanvas     *canvas,
                     const IrGanttView *view)
{
  double top = view->header_height;
  double height = view->height - view->header_height;
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, top, view->width, height);
  int first_row, last_row;

  canvas->fill_rect (canvas, &area, &view->palette.background);
  if (view->schedule == NULL || view->rows == NULL)
    return;

  ir_gantt_view_visible_rows (view, &first_row, &last_row);

  if (view->selected_row >= first_row && view->selected_row <= last_row)
    {
      graphene_rect_t band = GRAPHENE_RECT_INIT (0, ir_gantt_view_row_y (view, view->selected_row),
                                                 view->width, view->row_height);

      canvas->fill_rect (canvas, &band, &view->palette.selection);
    }

  paint_days (canvas, view, top, height);
  paint_grid (canvas, view, top, height, first_row, last_row);
  paint_today (canvas, view, top, height);

  /* The layer beneath the bars comes first, whether or not it is used. */
  canvas->get_cairo (canvas, 0);
  if (view->link_rows != NULL)
    paint_links (canvas, view, first_row, last_row);

  for (int row = first_row; row <= last_row; row++)
    ir_gantt_paint_task (canvas, view, g_ptr_array_index (view->rows, row), row);

  if (view->preview_task != NULL)
    {
      int row = view->row_of_task[view->preview_task->index];

      if (row >= 0)
        ir_gantt_paint_bar (canvas, view, view->preview_task, view->preview_start,
                   view->preview_finish, ir_gantt_view_row_y (view, row), TRUE);
    }

  if (view->link_preview)
    {
      cairo_t *cr = canvas->get_cairo (canvas, 1);
      static const double dashes[] = { 4.0, 3.0 };

      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      ir_gantt_set_source (cr, &view->palette.bar_done);
      cairo_move_to (cr, view->link_from.x, view->link_from.y);
      cairo_line_to (cr, view->link_to.x, view->link_to.y);
      cairo_stroke (cr);
    }
}
