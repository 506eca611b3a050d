/* ir-drawing-compare-overlay.c: the two revisions drawn over each other
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ir-drawing-compare.h"
#include "ir-drawing-compare-private.h"

/* Ink only in the old revision is red, only in the new one blue, and ink
 * in both is grey. Red and blue stay apart for people with the common
 * red-green colour blindness. */
static const guint8 removed_colour[3] = { 214, 39, 40 };
static const guint8 added_colour[3] = { 31, 92, 222 };
static const guint8 unchanged_colour[3] = { 96, 96, 96 };
static const guint8 ignored_colour[3] = { 250, 196, 0 };
#define IGNORED_ALPHA 36

typedef struct
{
  IrDrawingCompare    *self;
  const IrDrawingMask *removed_near;
  const IrDrawingMask *added_near;
  const IrDrawingMask *ignored;
  const guint8        *old_pixels;
  int                  old_stride;
  int                  old_width;
  int                  old_height;
  const guint8        *new_pixels;
  int                  new_stride;
  guint8              *out_pixels;
  int                  out_stride;
  guint                opacity;  /* 0–256 */
} OverlayJob;

static inline guint
darkness (guint32 pixel)
{
  guint r = (pixel >> 16) & 0xff;
  guint g = (pixel >> 8) & 0xff;
  guint b = pixel & 0xff;

  return 255 - MIN (r, MIN (g, b));
}

/* Blends @colour over @base with @alpha from 0 to 255. */
static inline void
blend (guint        *base,
       const guint8 *colour,
       guint         alpha)
{
  for (int c = 0; c < 3; c++)
    base[c] = (base[c] * (255 - alpha) + colour[c] * alpha + 127) / 255;
}

static void
overlay_rows (gpointer data,
              int      first,
              int      last)
{
  OverlayJob *job = data;
  IrDrawingCompare *self = job->self;

  for (int y = first; y < last; y++)
    {
      int old_y = y - self->shift_y;
      const guint32 *old_row = NULL;
      const guint32 *new_row = (const guint32 *) (job->new_pixels + (gsize) y * job->new_stride);
      guint32 *out = (guint32 *) (job->out_pixels + (gsize) y * job->out_stride);

      if (old_y >= 0 && old_y < job->old_height)
        old_row = (const guint32 *) (job->old_pixels + (gsize) old_y * job->old_stride);

      for (int x = 0; x < self->width; x++)
        {
          int old_x = x - self->shift_x;
          guint old_dark = 0;
          guint new_dark = darkness (new_row[x]);
          guint rgb[3] = { 255, 255, 255 };

          if (old_row != NULL && old_x >= 0 && old_x < job->old_width)
            old_dark = darkness (old_row[old_x]);

          if (ir_drawing_mask_get (job->ignored, x, y))
            blend (rgb, ignored_colour, IGNORED_ALPHA);

          blend (rgb, unchanged_colour, MAX (old_dark, new_dark) * job->opacity / 256);

          if (old_dark > new_dark && ir_drawing_mask_get (job->removed_near, x, y))
            blend (rgb, removed_colour, old_dark);
          else if (new_dark > old_dark && ir_drawing_mask_get (job->added_near, x, y))
            blend (rgb, added_colour, new_dark);

          out[x] = 0xff000000u | rgb[0] << 16 | rgb[1] << 8 | rgb[2];
        }
    }
}

static IrDrawingMask *
mask_ignored (IrDrawingCompare *self)
{
  IrDrawingMask *ignored = ir_drawing_mask_new (self->width, self->height);

  for (guint i = 0; i < self->ignore->len; i++)
    {
      const IrPdfRect *rect = &g_array_index (self->ignore, IrPdfRect, i);
      int x0 = MAX ((int) floor (rect->x * self->scale), 0);
      int y0 = MAX ((int) floor (rect->y * self->scale), 0);
      int x1 = MIN ((int) ceil ((rect->x + rect->width) * self->scale), self->width);
      int y1 = MIN ((int) ceil ((rect->y + rect->height) * self->scale), self->height);

      for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++)
          ignored->bits[(gsize) y * ignored->stride + x / 64] |= G_GUINT64_CONSTANT (1) << (x % 64);
    }

  return ignored;
}

/**
 * ir_drawing_compare_render_overlay:
 * @self: the comparison
 * @opacity: how strongly ink that did not change is drawn, from 0 (hidden)
 *   to 1 (full grey)
 *
 * Draws both revisions over each other in the new page's frame: removed
 * ink red, added ink blue, unchanged ink grey, ignored areas tinted amber.
 *
 * Returns: (transfer full): an opaque ARGB32 surface of the new render's
 *   size, or a surface in an error status when memory ran out
 */
cairo_surface_t *
ir_drawing_compare_render_overlay (IrDrawingCompare *self,
                                   double            opacity)
{
  g_autoptr(IrDrawingMask) removed_near = ir_drawing_mask_dilate (self->removed, 1);
  g_autoptr(IrDrawingMask) added_near = ir_drawing_mask_dilate (self->added, 1);
  g_autoptr(IrDrawingMask) ignored = mask_ignored (self);
  cairo_surface_t *surface;
  OverlayJob job;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;

  cairo_surface_flush (self->old_render);
  cairo_surface_flush (self->new_render);

  job.self = self;
  job.removed_near = removed_near;
  job.added_near = added_near;
  job.ignored = ignored;
  job.old_pixels = cairo_image_surface_get_data (self->old_render);
  job.old_stride = cairo_image_surface_get_stride (self->old_render);
  job.old_width = cairo_image_surface_get_width (self->old_render);
  job.old_height = cairo_image_surface_get_height (self->old_render);
  job.new_pixels = cairo_image_surface_get_data (self->new_render);
  job.new_stride = cairo_image_surface_get_stride (self->new_render);
  job.out_pixels = cairo_image_surface_get_data (surface);
  job.out_stride = cairo_image_surface_get_stride (surface);
  job.opacity = (guint) lround (CLAMP (opacity, 0, 1) * 256);

  ir_drawing_run_parallel (overlay_rows, &job, self->height);
  cairo_surface_mark_dirty (surface);

  return surface;
}
