/* ir-gantt-paint-task.c: drawing one task of the Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-paint-private.h"

/* --- tasks ---------------------------------------------------------------- */

static void
paint_summary (IrGanttCanvas     *canvas,
               const IrGanttView *view,
               IrScheduleTask    *task,
               double             top)
{
  double x0, x1;
  double bar_top = top + view->row_height * 0.32;
  double bar_height = view->row_height * 0.18;
  double tip = bar_top + view->row_height * 0.40;
  graphene_rect_t bar;
  cairo_t *cr;

  ir_gantt_view_task_extent (view, task, &x0, &x1);
  bar = GRAPHENE_RECT_INIT (x0, bar_top, MAX (x1 - x0, 1), bar_height);
  canvas->fill_rect (canvas, &bar, &view->palette.summary);

  cr = canvas->get_cairo (canvas, 0);
  ir_gantt_set_source (cr, &view->palette.summary);
  cairo_move_to (cr, x0, bar_top);
  cairo_line_to (cr, x0 + 7, bar_top + bar_height);
  cairo_line_to (cr, x0, tip);
  cairo_close_path (cr);
  cairo_move_to (cr, x1, bar_top);
  cairo_line_to (cr, x1 - 7, bar_top + bar_height);
  cairo_line_to (cr, x1, tip);
  cairo_close_path (cr);
  cairo_fill (cr);
}

void
ir_gantt_paint_bar (IrGanttCanvas     *canvas,
                    const IrGanttView *view,
                    IrScheduleTask    *task,
                    IrDay              start,
                    IrDay              finish,
                    double             top,
                    gboolean           preview)
{
  gboolean critical = (task->flags & IR_TASK_CRITICAL) != 0;
  double x0 = ir_gantt_view_day_x (view, start);
  double x1 = ir_gantt_view_day_x (view, MAX (finish, start) + 1);
  double bar_top = top + view->row_height * 0.24;
  double bar_height = view->row_height * 0.46;
  graphene_rect_t bar = GRAPHENE_RECT_INIT (x0 + 0.5, bar_top, MAX (x1 - x0 - 1, 2), bar_height);
  GdkRGBA fill = critical ? view->palette.critical : view->palette.bar;
  GdkRGBA done = critical ? view->palette.critical_done : view->palette.bar_done;

  if (preview)
    {
      fill = ir_gantt_rgba_with_alpha (&done, 0.35f);
      canvas->fill_rounded (canvas, &bar, 3, &fill);
      return;
    }

  canvas->fill_rounded (canvas, &bar, 3, &fill);

  if (task->progress > 0)
    {
      graphene_rect_t part = bar;

      part.size.width = bar.size.width * MIN (task->progress, 100) / 100.0;
      canvas->fill_rounded (canvas, &part, 3, &done);
    }

  if (task->flags & (IR_TASK_CONFLICT | IR_TASK_IN_CYCLE))
    {
      graphene_rect_t under = GRAPHENE_RECT_INIT (bar.origin.x, bar_top + bar_height + 1,
                                                  bar.size.width, 2);

      canvas->fill_rect (canvas, &under, &view->palette.conflict);
    }
}

static void
paint_baseline (IrGanttCanvas     *canvas,
                const IrGanttView *view,
                IrScheduleTask    *task,
                double             top)
{
  IrTaskBaseline baseline;
  double x0, x1;
  graphene_rect_t ghost;

  if (view->baseline < 0 ||
      !ir_schedule_task_get_baseline (task, view->baseline, &baseline) ||
      baseline.start == IR_DAY_NONE || baseline.finish == IR_DAY_NONE)
    return;

  x0 = ir_gantt_view_day_x (view, baseline.start);
  x1 = ir_gantt_view_day_x (view, MAX (baseline.finish, baseline.start) + 1);
  if (task->milestone)
    x1 = x0 + 3;

  ghost = GRAPHENE_RECT_INIT (x0, top + view->row_height * 0.76, MAX (x1 - x0, 3), 3);
  canvas->fill_rect (canvas, &ghost, &view->palette.baseline);
}

static IrSealState
lookup_seal (const IrGanttView *view,
             IrScheduleTask    *task,
             gboolean          *found)
{
  gpointer value = view->seal_states ? g_hash_table_lookup (view->seal_states, task->id) : NULL;

  *found = value != NULL;
  return value ? (IrSealState) (GPOINTER_TO_INT (value) - 1) : IR_SEAL_VALID;
}

/* Draws a key milestone's committed date as an outlined diamond, and a
 * badge for the state of the customer's confirmation. Returns where the
 * task's label may start. */
static double
paint_commitment (IrGanttCanvas     *canvas,
                  const IrGanttView *view,
                  IrScheduleTask    *task,
                  double             center_y,
                  double             label_x)
{
  gboolean sealed;
  IrSealState state = lookup_seal (view, task, &sealed);
  const GdkRGBA *color = &view->palette.committed;
  const char *badge = NULL;

  if (sealed)
    {
      switch (state)
        {
        case IR_SEAL_VALID:
          color = &view->palette.confirmed;
          /* Translators: a badge on a milestone that the customer confirmed. */
          badge = _("Confirmed");
          break;
        case IR_SEAL_VOID:
          color = &view->palette.void_seal;
          /* Translators: a badge on a milestone whose confirmation was voided. */
          badge = _("Void");
          break;
        default:
          color = &view->palette.tampered;
          /* Translators: a badge on a milestone whose confirmation failed its check. */
          badge = _("Not verified");
          break;
        }
    }
  else if (task->committed != IR_DAY_NONE)
    {
      /* Translators: a badge on a milestone promised but not yet confirmed. */
      badge = _("Committed");
    }

  if (task->committed != IR_DAY_NONE)
    {
      cairo_t *cr = canvas->get_cairo (canvas, 1);
      double x = ir_gantt_view_day_x (view, task->committed + 1);
      double forecast = ir_gantt_view_milestone_x (view, task);
      double radius = ir_gantt_view_diamond_radius (view, task);

      /* A slip past the commitment is drawn as a red line to the forecast. */
      if (forecast > x + 1)
        {
          graphene_rect_t slip = GRAPHENE_RECT_INIT (x, center_y - 1, forecast - x, 2);

          canvas->fill_rect (canvas, &slip, &view->palette.conflict);
        }

      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, NULL, 0, 0);
      ir_gantt_set_source (cr, color);
      ir_gantt_diamond_path (cr, x, center_y, radius);
      cairo_stroke (cr);

      label_x = MAX (label_x, x + radius + 6);
    }

  if (badge != NULL)
    label_x += ir_gantt_draw_pill (canvas, view, badge, label_x, center_y, color) + 6;

  return label_x;
}

void
ir_gantt_paint_task (IrGanttCanvas     *canvas,
                     const IrGanttView *view,
                     IrScheduleTask    *task,
                     int                row)
{
  double top = ir_gantt_view_row_y (view, row);
  double center_y = top + view->row_height / 2;
  double x0, x1, label_x;

  if (!ir_gantt_view_task_extent (view, task, &x0, &x1))
    return;

  paint_baseline (canvas, view, task, top);

  if (task->flags & IR_TASK_SUMMARY)
    {
      paint_summary (canvas, view, task, top);
    }
  else if (task->milestone)
    {
      cairo_t *cr = canvas->get_cairo (canvas, 1);
      double radius = ir_gantt_view_diamond_radius (view, task);
      const GdkRGBA *color = task->key_milestone ? &view->palette.key_milestone
                                                 : &view->palette.milestone;

      cairo_set_dash (cr, NULL, 0, 0);
      ir_gantt_set_source (cr, (task->flags & IR_TASK_CRITICAL) ? &view->palette.critical_done : color);
      ir_gantt_diamond_path (cr, (x0 + x1) / 2, center_y, radius);
      cairo_fill (cr);
    }
  else
    {
      ir_gantt_paint_bar (canvas, view, task, task->start, task->finish, top, FALSE);
    }

  label_x = x1 + 6;
  if (task->key_milestone || task->committed != IR_DAY_NONE)
    label_x = paint_commitment (canvas, view, task, center_y, label_x);

  if (label_x < view->width && task->name != NULL)
    ir_gantt_draw_text (canvas, view, task->name, FALSE, label_x, center_y,
               (task->flags & IR_TASK_SUMMARY) ? &view->palette.text : &view->palette.dim_text);
}

