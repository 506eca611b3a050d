/* ir-drawing-compare.h: what changed between two revisions of a sheet
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ir-drawing-text-compare.h"
#include "ir-pdf.h"

G_BEGIN_DECLS

/* How two renders are compared. Lengths are in points unless noted. */
typedef struct
{
  double    dpi;             /* render resolution for page compares */
  guint8    white_level;     /* a pixel whose darkest channel is at or above
                              * this (0–255) is paper */
  int       tolerance;       /* pixels: ink with ink of the other revision
                              * this close counts as unchanged */
  guint     min_pixels;      /* a region with fewer changed pixels, at the
                              * compare resolution, is noise */
  double    merge_distance;  /* changes closer than this form one region */
  double    offset_x;        /* how far the new sheet's content lies right */
  double    offset_y;        /* … and down of the old one's */
  gboolean  auto_align;      /* estimate the offset instead */
  GArray   *ignore;          /* (element-type IrPdfRect) (nullable): areas of
                              * the new page whose changes are ignored */
} IrDrawingCompareOptions;

/* A changed area, in the new page's points. Removed pixels are ink only in
 * the old revision, added ones ink only in the new one. */
typedef struct
{
  IrPdfRect box;
  guint     removed_pixels;
  guint     added_pixels;
} IrDrawingRegion;

typedef struct _IrDrawingCompare IrDrawingCompare;

void              ir_drawing_compare_options_init        (IrDrawingCompareOptions       *options);

IrDrawingCompare *ir_drawing_compare_new_from_surfaces   (cairo_surface_t               *old_render,
                                                          cairo_surface_t               *new_render,
                                                          double                         scale,
                                                          const IrDrawingCompareOptions *options);
IrDrawingCompare *ir_drawing_compare_new_from_pages      (IrPdf                         *old_pdf,
                                                          int                            old_page,
                                                          IrPdf                         *new_pdf,
                                                          int                            new_page,
                                                          const IrDrawingCompareOptions *options,
                                                          GCancellable                  *cancellable,
                                                          GError                       **error);
void              ir_drawing_compare_free                (IrDrawingCompare              *self);

GArray           *ir_drawing_compare_get_regions         (IrDrawingCompare              *self);
GPtrArray        *ir_drawing_compare_get_text_changes    (IrDrawingCompare              *self);
gboolean          ir_drawing_compare_get_text_compared   (IrDrawingCompare              *self);
gboolean          ir_drawing_compare_get_old_has_text    (IrDrawingCompare              *self);
gboolean          ir_drawing_compare_get_new_has_text    (IrDrawingCompare              *self);
void              ir_drawing_compare_get_offset          (IrDrawingCompare              *self,
                                                          double                        *offset_x,
                                                          double                        *offset_y);
double            ir_drawing_compare_get_scale           (IrDrawingCompare              *self);
guint64           ir_drawing_compare_get_changed_pixels  (IrDrawingCompare              *self);
cairo_surface_t  *ir_drawing_compare_render_overlay      (IrDrawingCompare              *self,
                                                          double                         opacity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrDrawingCompare, ir_drawing_compare_free)

G_END_DECLS
