/* ir-gantt-canvas.c: the Gantt chart's canvases: snapshot and cairo
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <math.h>

#include "ir-gantt-paint.h"

/* --- snapshot ------------------------------------------------------------- */

static void
snapshot_fill_rect (IrGanttCanvas         *canvas,
                    const graphene_rect_t *rect,
                    const GdkRGBA         *color)
{
  IrGanttSnapshotCanvas *self = (IrGanttSnapshotCanvas *) canvas;

  gtk_snapshot_append_color (self->snapshot, color, rect);
}

static void
snapshot_fill_rounded (IrGanttCanvas         *canvas,
                       const graphene_rect_t *rect,
                       float                  radius,
                       const GdkRGBA         *color)
{
  IrGanttSnapshotCanvas *self = (IrGanttSnapshotCanvas *) canvas;
  GskRoundedRect rounded;

  radius = MIN (radius, MIN (rect->size.width, rect->size.height) / 2);
  gsk_rounded_rect_init_from_rect (&rounded, rect, radius);
  gtk_snapshot_push_rounded_clip (self->snapshot, &rounded);
  gtk_snapshot_append_color (self->snapshot, color, rect);
  gtk_snapshot_pop (self->snapshot);
}

static void
snapshot_draw_layout (IrGanttCanvas *canvas,
                      float          x,
                      float          y,
                      PangoLayout   *layout,
                      const GdkRGBA *color)
{
  IrGanttSnapshotCanvas *self = (IrGanttSnapshotCanvas *) canvas;

  gtk_snapshot_save (self->snapshot);
  gtk_snapshot_translate (self->snapshot, &GRAPHENE_POINT_INIT (roundf (x), roundf (y)));
  gtk_snapshot_append_layout (self->snapshot, layout, color);
  gtk_snapshot_restore (self->snapshot);
}

/* Layer 0 is a cairo node placed where it is first requested. Layer 1 is
 * kept in a snapshot of its own and placed on top when the canvas is
 * finished. */
static cairo_t *
snapshot_get_cairo (IrGanttCanvas *canvas,
                    guint          layer)
{
  IrGanttSnapshotCanvas *self = (IrGanttSnapshotCanvas *) canvas;

  g_return_val_if_fail (layer < G_N_ELEMENTS (self->layers), NULL);

  if (self->layers[layer] != NULL)
    return self->layers[layer];

  if (layer == 0)
    {
      self->layers[0] = gtk_snapshot_append_cairo (self->snapshot, &self->bounds);
    }
  else
    {
      self->overlay = gtk_snapshot_new ();
      self->layers[1] = gtk_snapshot_append_cairo (self->overlay, &self->bounds);
    }

  return self->layers[layer];
}

void
ir_gantt_snapshot_canvas_init (IrGanttSnapshotCanvas *canvas,
                               GtkSnapshot           *snapshot,
                               const graphene_rect_t *bounds)
{
  *canvas = (IrGanttSnapshotCanvas) {
    .parent = {
      .fill_rect = snapshot_fill_rect,
      .fill_rounded = snapshot_fill_rounded,
      .draw_layout = snapshot_draw_layout,
      .get_cairo = snapshot_get_cairo,
    },
    .snapshot = snapshot,
    .bounds = *bounds,
  };
}

void
ir_gantt_snapshot_canvas_finish (IrGanttSnapshotCanvas *canvas)
{
  for (guint i = 0; i < G_N_ELEMENTS (canvas->layers); i++)
    g_clear_pointer (&canvas->layers[i], cairo_destroy);

  if (canvas->overlay != NULL)
    {
      GskRenderNode *node = gtk_snapshot_free_to_node (g_steal_pointer (&canvas->overlay));

      if (node != NULL)
        {
          gtk_snapshot_append_node (canvas->snapshot, node);
          gsk_render_node_unref (node);
        }
    }
}

/* --- cairo (PDF and print) ----------------------------------------------- */

static void
paper_set_source (cairo_t       *cr,
                  const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
paper_fill_rect (IrGanttCanvas         *canvas,
                 const graphene_rect_t *rect,
                 const GdkRGBA         *color)
{
  cairo_t *cr = ((IrGanttCairoCanvas *) canvas)->cr;

  paper_set_source (cr, color);
  cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
  cairo_fill (cr);
}

static void
paper_fill_rounded (IrGanttCanvas         *canvas,
                    const graphene_rect_t *rect,
                    float                  radius,
                    const GdkRGBA         *color)
{
  cairo_t *cr = ((IrGanttCairoCanvas *) canvas)->cr;
  double x = rect->origin.x, y = rect->origin.y;
  double w = rect->size.width, h = rect->size.height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  paper_set_source (cr, color);
  cairo_fill (cr);
}

static void
paper_draw_layout (IrGanttCanvas *canvas,
                   float          x,
                   float          y,
                   PangoLayout   *layout,
                   const GdkRGBA *color)
{
  cairo_t *cr = ((IrGanttCairoCanvas *) canvas)->cr;

  paper_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static cairo_t *
paper_get_cairo (IrGanttCanvas *canvas,
                 guint          layer)
{
  return ((IrGanttCairoCanvas *) canvas)->cr;
}

void
ir_gantt_cairo_canvas_init (IrGanttCairoCanvas *canvas,
                            cairo_t            *cr)
{
  *canvas = (IrGanttCairoCanvas) {
    .parent = {
      .fill_rect = paper_fill_rect,
      .fill_rounded = paper_fill_rounded,
      .draw_layout = paper_draw_layout,
      .get_cairo = paper_get_cairo,
    },
    .cr = cr,
  };
}
