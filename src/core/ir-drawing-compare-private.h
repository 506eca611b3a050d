/* ir-drawing-compare-private.h: the comparison, shared with its overlay
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-drawing-compare.h"
#include "ir-drawing-mask.h"

G_BEGIN_DECLS

/* Everything is in the new render's frame: old pixel (x, y) appears at
 * (x + shift_x, y + shift_y). */
struct _IrDrawingCompare
{
  double           scale;
  int              width;
  int              height;
  int              shift_x;
  int              shift_y;
  cairo_surface_t *old_render;
  cairo_surface_t *new_render;
  IrDrawingMask   *removed;
  IrDrawingMask   *added;
  GArray          *ignore;        /* IrPdfRect, new page points */
  GArray          *regions;       /* IrDrawingRegion */
  GPtrArray       *text_changes;  /* IrDrawingTextChange */
  gboolean         old_has_text;
  gboolean         new_has_text;
  guint64          changed_pixels;
};

void ir_drawing_compare_find_regions     (IrDrawingCompare              *self,
                                         const IrDrawingCompareOptions *options);
void ir_drawing_compare_add_text_regions (IrDrawingCompare              *self);

G_END_DECLS
