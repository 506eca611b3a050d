/* ir-drawing-mask.h: packed one-bit ink masks for comparing renders
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* One bit per pixel, 64 pixels per word, the leftmost pixel in the lowest
 * bit. Bits past the width in a row's last word are always zero. */
typedef struct
{
  int      width;
  int      height;
  int      stride;  /* words per row */
  guint64 *bits;
} IrDrawingMask;

/* Changed pixels are counted in square cells of this many pixels a side:
 * one byte of a mask word per cell row. */
#define IR_DRAWING_MASK_CELL 8

IrDrawingMask *ir_drawing_mask_new          (int                  width,
                                             int                  height);
void           ir_drawing_mask_free         (IrDrawingMask       *mask);
IrDrawingMask *ir_drawing_mask_new_from_ink (cairo_surface_t     *surface,
                                             guint8               white_level);
IrDrawingMask *ir_drawing_mask_translate    (const IrDrawingMask *mask,
                                             int                  dx,
                                             int                  dy,
                                             int                  width,
                                             int                  height);
IrDrawingMask *ir_drawing_mask_dilate       (const IrDrawingMask *mask,
                                             int                  radius);
IrDrawingMask *ir_drawing_mask_subtract     (const IrDrawingMask *mask,
                                             const IrDrawingMask *other);
void           ir_drawing_mask_clear_rect   (IrDrawingMask       *mask,
                                             int                  x,
                                             int                  y,
                                             int                  width,
                                             int                  height);
gboolean       ir_drawing_mask_get          (const IrDrawingMask *mask,
                                             int                  x,
                                             int                  y);
guint64        ir_drawing_mask_count        (const IrDrawingMask *mask);
void           ir_drawing_mask_count_cells  (const IrDrawingMask *mask,
                                             guint8              *counts);
gboolean       ir_drawing_mask_bounds       (const IrDrawingMask *mask,
                                             int                  x,
                                             int                  y,
                                             int                  width,
                                             int                  height,
                                             int                 *bounds);
void           ir_drawing_mask_profiles     (const IrDrawingMask *mask,
                                             guint32             *columns,
                                             guint32             *rows);

void           ir_drawing_run_parallel      (void               (*func) (gpointer data,
                                                                         int      first,
                                                                         int      last),
                                             gpointer             data,
                                             int                  n_items);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrDrawingMask, ir_drawing_mask_free)

G_END_DECLS
