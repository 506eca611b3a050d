/* ir-gantt-timeline.h: the plan's timeline: bars, milestones and links
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-gantt-scale.h"
#include "ir-schedule.h"
#include "ir-seal.h"

G_BEGIN_DECLS

#define IR_TYPE_GANTT_TIMELINE (ir_gantt_timeline_get_type ())

G_DECLARE_FINAL_TYPE (IrGanttTimeline, ir_gantt_timeline, IR, GANTT_TIMELINE, GtkWidget)

GtkWidget     *ir_gantt_timeline_new                (void);

void           ir_gantt_timeline_set_plan           (IrGanttTimeline *self,
                                                     IrSchedule      *schedule,
                                                     GPtrArray       *rows);
void           ir_gantt_timeline_refresh            (IrGanttTimeline *self);
void           ir_gantt_timeline_set_seal_states    (IrGanttTimeline *self,
                                                     GHashTable      *states);

GtkAdjustment *ir_gantt_timeline_get_hadjustment    (IrGanttTimeline *self);
GtkAdjustment *ir_gantt_timeline_get_vadjustment    (IrGanttTimeline *self);
void           ir_gantt_timeline_set_vadjustment    (IrGanttTimeline *self,
                                                     GtkAdjustment   *adjustment);

IrGanttZoom    ir_gantt_timeline_get_zoom           (IrGanttTimeline *self);
void           ir_gantt_timeline_set_zoom           (IrGanttTimeline *self,
                                                     IrGanttZoom      zoom);
int            ir_gantt_timeline_get_row_height     (IrGanttTimeline *self);
void           ir_gantt_timeline_set_row_height     (IrGanttTimeline *self,
                                                     int              height);
int            ir_gantt_timeline_get_header_height  (IrGanttTimeline *self);
void           ir_gantt_timeline_set_header_height  (IrGanttTimeline *self,
                                                     int              height);
IrDay          ir_gantt_timeline_get_today          (IrGanttTimeline *self);
void           ir_gantt_timeline_set_today          (IrGanttTimeline *self,
                                                     IrDay            today);
int            ir_gantt_timeline_get_baseline       (IrGanttTimeline *self);
void           ir_gantt_timeline_set_baseline       (IrGanttTimeline *self,
                                                     int              number);
int            ir_gantt_timeline_get_selected_row   (IrGanttTimeline *self);
void           ir_gantt_timeline_set_selected_row   (IrGanttTimeline *self,
                                                     int              row);
void           ir_gantt_timeline_scroll_to_day      (IrGanttTimeline *self,
                                                     IrDay            day);

double         ir_gantt_timeline_get_day_x          (IrGanttTimeline *self,
                                                     IrDay            day);
gboolean       ir_gantt_timeline_get_bar_area       (IrGanttTimeline *self,
                                                     int              row,
                                                     graphene_rect_t *area);

/* Drags, as the input code sends them; tests call these directly. */
void           ir_gantt_timeline_emit_move          (IrGanttTimeline *self,
                                                     IrScheduleTask  *task,
                                                     IrDay            start);
void           ir_gantt_timeline_emit_resize        (IrGanttTimeline *self,
                                                     IrScheduleTask  *task,
                                                     int              duration);
void           ir_gantt_timeline_emit_link          (IrGanttTimeline *self,
                                                     IrScheduleTask  *predecessor,
                                                     IrScheduleTask  *successor);

G_END_DECLS
