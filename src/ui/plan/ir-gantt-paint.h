/* ir-gantt-paint.h: drawing the Gantt chart on screen and on paper
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

/* The target of the chart's drawing: a GtkSnapshot for the screen, or a
 * cairo context for PDF and print. On screen, rectangles and text are
 * render nodes of their own. Shapes that need paths (diamonds, arrows and
 * brackets) go to a cairo layer: layer 0 lies beneath the bars and layer 1
 * above everything. */
typedef struct _IrGanttCanvas IrGanttCanvas;

struct _IrGanttCanvas
{
  void     (*fill_rect)    (IrGanttCanvas         *canvas,
                            const graphene_rect_t *rect,
                            const GdkRGBA         *color);
  void     (*fill_rounded) (IrGanttCanvas         *canvas,
                            const graphene_rect_t *rect,
                            float                  radius,
                            const GdkRGBA         *color);
  void     (*draw_layout)  (IrGanttCanvas         *canvas,
                            float                  x,
                            float                  y,
                            PangoLayout           *layout,
                            const GdkRGBA         *color);
  cairo_t *(*get_cairo)    (IrGanttCanvas         *canvas,
                            guint                  layer);
};

typedef struct
{
  GdkRGBA background;
  GdkRGBA header;
  GdkRGBA text;
  GdkRGBA dim_text;
  GdkRGBA grid;
  GdkRGBA weekend;
  GdkRGBA holiday;
  GdkRGBA selection;
  GdkRGBA today;
  GdkRGBA bar;
  GdkRGBA bar_done;
  GdkRGBA critical;
  GdkRGBA critical_done;
  GdkRGBA summary;
  GdkRGBA milestone;
  GdkRGBA key_milestone;
  GdkRGBA baseline;
  GdkRGBA link;
  GdkRGBA confirmed;
  GdkRGBA committed;
  GdkRGBA void_seal;
  GdkRGBA tampered;
  GdkRGBA conflict;
} IrGanttPalette;

/* What to draw and where: the chart's day origin is at x = 0 before
 * scrolling, and the first row starts under the header. */
typedef struct
{
  IrSchedule      *schedule;
  GPtrArray       *rows;             /* IrScheduleTask*, in row order */
  const int       *row_of_task;      /* by task index; -1 when not shown */
  const int       *link_rows;        /* by link index: predecessor's and successor's rows */
  GHashTable      *seal_states;      /* task id → IrSealState + 1 */
  IrGanttZoom      zoom;
  double           day_width;
  IrDay            origin;
  double           x_offset;
  double           y_offset;
  double           width;
  double           height;
  double           header_height;
  double           row_height;
  IrDay            today;
  int              baseline;         /* baseline number, -1 for none */
  int              selected_row;
  IrGanttPalette   palette;
  PangoContext    *pango;
  GHashTable      *layouts;          /* text → PangoLayout, see ir_gantt_layout_cache_new() */

  /* A drag in progress: the task's bar at its new dates, or a link being
   * drawn from one point to another. */
  IrScheduleTask  *preview_task;
  IrDay            preview_start;
  IrDay            preview_finish;
  gboolean         link_preview;
  graphene_point_t link_from;
  graphene_point_t link_to;
} IrGanttView;

void        ir_gantt_palette_init_from_widget (IrGanttPalette    *palette,
                                               GtkWidget         *widget);
void        ir_gantt_palette_init_for_print   (IrGanttPalette    *palette);

GHashTable *ir_gantt_layout_cache_new         (void);
PangoLayout *ir_gantt_view_get_layout         (const IrGanttView *view,
                                               const char        *text,
                                               gboolean           small);

double      ir_gantt_view_day_x               (const IrGanttView *view,
                                               IrDay              day);
IrDay       ir_gantt_view_day_at              (const IrGanttView *view,
                                               double             x);
double      ir_gantt_view_row_y               (const IrGanttView *view,
                                               int                row);
void        ir_gantt_view_visible_rows        (const IrGanttView *view,
                                               int               *first,
                                               int               *last);
gboolean    ir_gantt_view_task_extent         (const IrGanttView *view,
                                               IrScheduleTask    *task,
                                               double            *x0,
                                               double            *x1);

int        *ir_gantt_index_links              (IrSchedule        *schedule,
                                               const int         *row_of_task);
void        ir_gantt_paint_rows               (IrGanttCanvas     *canvas,
                                               const IrGanttView *view);
void        ir_gantt_paint_header             (IrGanttCanvas     *canvas,
                                               const IrGanttView *view);

/* A canvas that appends render nodes to a snapshot; call
 * ir_gantt_snapshot_canvas_finish() once the painting is done. */
typedef struct
{
  IrGanttCanvas    parent;
  GtkSnapshot     *snapshot;
  graphene_rect_t  bounds;
  cairo_t         *layers[2];
  GtkSnapshot     *overlay;
} IrGanttSnapshotCanvas;

void        ir_gantt_snapshot_canvas_init     (IrGanttSnapshotCanvas *canvas,
                                               GtkSnapshot           *snapshot,
                                               const graphene_rect_t *bounds);
void        ir_gantt_snapshot_canvas_finish   (IrGanttSnapshotCanvas *canvas);

/* A canvas that draws straight to a cairo context. */
typedef struct
{
  IrGanttCanvas  parent;
  cairo_t       *cr;
} IrGanttCairoCanvas;

void        ir_gantt_cairo_canvas_init        (IrGanttCairoCanvas *canvas,
                                               cairo_t            *cr);

G_END_DECLS
