/* ir-gantt-timeline-private.h: the timeline's state, shared by its files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-gantt-paint.h"
#include "ir-gantt-timeline.h"

G_BEGIN_DECLS

typedef enum
{
  IR_GANTT_DRAG_NONE,
  IR_GANTT_DRAG_MOVE,
  IR_GANTT_DRAG_RESIZE,
  IR_GANTT_DRAG_LINK,
} IrGanttDrag;

/* The width of the zone at a bar's end that resizes it, and of the zone
 * past its end that starts a link, in pixels. */
#define IR_GANTT_RESIZE_ZONE 6.0
#define IR_GANTT_LINK_ZONE   12.0

struct _IrGanttTimeline
{
  GtkWidget       parent_instance;

  IrSchedule     *schedule;
  GPtrArray      *rows;            /* IrScheduleTask*, in row order */
  int            *row_of_task;     /* by task index; -1 when not shown */
  guint           n_row_of_task;
  int            *link_rows;       /* see ir_gantt_index_links() */
  GHashTable     *seal_states;     /* task id → IrSealState + 1 */
  GHashTable     *layouts;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  IrGanttZoom     zoom;
  int             row_height;
  int             header_height;
  IrDay           today;
  int             baseline;
  int             selected_row;
  IrDay           origin;          /* first day of the chart's range */
  IrDay           end;             /* last day of the chart's range */

  IrGanttDrag     drag;
  IrScheduleTask *drag_task;
  double          drag_x;
  double          drag_y;
  IrDay           preview_start;
  IrDay           preview_finish;
  graphene_point_t link_from;
  graphene_point_t link_to;
};

enum {
  IR_GANTT_SIGNAL_TASK_MOVED,
  IR_GANTT_SIGNAL_TASK_RESIZED,
  IR_GANTT_SIGNAL_LINK_REQUESTED,
  IR_GANTT_SIGNAL_ROW_SELECTED,
  IR_GANTT_SIGNAL_TASK_ACTIVATED,
  IR_GANTT_N_SIGNALS
};

extern guint ir_gantt_timeline_signals[IR_GANTT_N_SIGNALS];

void            ir_gantt_timeline_fill_view   (IrGanttTimeline *self,
                                               IrGanttView     *view);
int             ir_gantt_timeline_row_at      (IrGanttTimeline *self,
                                               double           y);
IrGanttDrag     ir_gantt_timeline_hit         (IrGanttTimeline *self,
                                               double           x,
                                               double           y,
                                               IrScheduleTask **task);
void            ir_gantt_timeline_init_input  (IrGanttTimeline *self);
gboolean        ir_gantt_timeline_query_tooltip (GtkWidget     *widget,
                                               int              x,
                                               int              y,
                                               gboolean         keyboard,
                                               GtkTooltip      *tooltip);

G_END_DECLS
