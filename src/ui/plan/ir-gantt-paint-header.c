/* ir-gantt-paint-header.c: drawing the time scale above the Gantt rows
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-paint-private.h"

/* Draws one tier of labels. A major label sticks to the left edge while
 * its span is in view, so that the month or year is always named. */
static void
paint_tier (IrGanttCanvas     *canvas,
            const IrGanttView *view,
            gboolean           major,
            double             top,
            double             height)
{
  IrDay first = ir_gantt_view_day_at (view, 0);
  IrDay last = ir_gantt_view_day_at (view, view->width);
  g_autoptr(GArray) ticks = ir_gantt_scale_get_ticks (view->zoom, major, first, last);
  IrCalendar *calendar = view->schedule ? ir_schedule_get_calendar (view->schedule) : NULL;

  for (guint i = 0; i < ticks->len; i++)
    {
      IrGanttTick *tick = &g_array_index (ticks, IrGanttTick, i);
      double x0 = ir_gantt_view_day_x (view, tick->first);
      double x1 = ir_gantt_view_day_x (view, tick->last + 1);
      PangoLayout *layout = ir_gantt_view_get_layout (view, tick->label, FALSE);
      graphene_rect_t line = GRAPHENE_RECT_INIT (floor (x0), top, 1, height);
      const GdkRGBA *color = &view->palette.text;
      int width, text_height;
      double x;

      canvas->fill_rect (canvas, &line, &view->palette.grid);
      pango_layout_get_pixel_size (layout, &width, &text_height);

      if (major)
        {
          x = MAX (x0, 0) + 6;
          if (x + width > x1 - 4)
            x = x1 - 4 - width;
          if (x < x0 + 2)
            continue;
        }
      else
        {
          if (width > x1 - x0 - 6)
            continue;
          x = (x0 + x1 - width) / 2;
          if (view->zoom == IR_GANTT_ZOOM_DAYS && calendar != NULL &&
              !ir_calendar_is_working_day (calendar, tick->first))
            color = &view->palette.dim_text;
        }

      canvas->draw_layout (canvas, x, top + (height - text_height) / 2, layout, color);
    }
}

/**
 * ir_gantt_paint_header:
 *
 * Draws the two tiers of the time scale and today's mark in the header
 * band of @view.
 */
void
ir_gantt_paint_header (IrGanttCanvas     *canvas,
                       const IrGanttView *view)
{
  double tier = view->header_height / 2;
  graphene_rect_t band = GRAPHENE_RECT_INIT (0, 0, view->width, view->header_height);
  graphene_rect_t middle = GRAPHENE_RECT_INIT (0, floor (tier), view->width, 1);
  graphene_rect_t bottom = GRAPHENE_RECT_INIT (0, view->header_height - 1, view->width, 1);
  GdkRGBA rule = view->palette.grid;

  canvas->fill_rect (canvas, &band, &view->palette.header);
  if (view->day_width <= 0)
    return;

  paint_tier (canvas, view, TRUE, 0, tier);
  paint_tier (canvas, view, FALSE, tier, view->header_height - tier);

  rule.alpha *= 2;
  canvas->fill_rect (canvas, &middle, &rule);
  canvas->fill_rect (canvas, &bottom, &rule);

  if (view->today != IR_DAY_NONE)
    {
      double x = ir_gantt_view_day_x (view, view->today) + view->day_width / 2;
      graphene_rect_t mark = GRAPHENE_RECT_INIT (x - 1, tier, 2, view->header_height - tier);

      canvas->fill_rect (canvas, &mark, &view->palette.today);
    }
}
