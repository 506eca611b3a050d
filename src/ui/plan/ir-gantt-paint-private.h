/* ir-gantt-paint-private.h: helpers shared by the Gantt chart's painters
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-gantt-paint.h"

G_BEGIN_DECLS

/* ir-gantt-paint.c */
double  ir_gantt_view_milestone_x    (const IrGanttView *view,
                                      IrScheduleTask    *task);
double  ir_gantt_view_diamond_radius (const IrGanttView *view,
                                      IrScheduleTask    *task);

/* ir-gantt-paint-style.c */
GdkRGBA ir_gantt_rgba_with_alpha     (const GdkRGBA     *color,
                                      float              alpha);
double  ir_gantt_draw_text           (IrGanttCanvas     *canvas,
                                      const IrGanttView *view,
                                      const char        *text,
                                      gboolean           small,
                                      double             x,
                                      double             center_y,
                                      const GdkRGBA     *color);
double  ir_gantt_draw_pill           (IrGanttCanvas     *canvas,
                                      const IrGanttView *view,
                                      const char        *text,
                                      double             x,
                                      double             center_y,
                                      const GdkRGBA     *color);
void    ir_gantt_set_source          (cairo_t           *cr,
                                      const GdkRGBA     *color);
void    ir_gantt_diamond_path        (cairo_t           *cr,
                                      double             x,
                                      double             y,
                                      double             radius);

/* ir-gantt-paint-task.c */
void    ir_gantt_paint_bar           (IrGanttCanvas     *canvas,
                                      const IrGanttView *view,
                                      IrScheduleTask    *task,
                                      IrDay              start,
                                      IrDay              finish,
                                      double             top,
                                      gboolean           preview);
void    ir_gantt_paint_task          (IrGanttCanvas     *canvas,
                                      const IrGanttView *view,
                                      IrScheduleTask    *task,
                                      int                row);

G_END_DECLS
