/* ir-pdf-tiles.h: rendering drawings in tiles off the main thread, cached
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-pdf.h"

G_BEGIN_DECLS

/* Side of a tile in device pixels. */
#define IR_PDF_TILE_SIZE 512

/* A tile of a page at one scale level, or with column -1 a picture of the
 * whole page whose longest side is @row pixels. Level L renders at
 * 2^(L/4) device pixels per point. */
typedef struct
{
  int page;
  int level;
  int column;
  int row;
} IrPdfTileKey;

#define IR_TYPE_PDF_TILES (ir_pdf_tiles_get_type ())

G_DECLARE_FINAL_TYPE (IrPdfTiles, ir_pdf_tiles, IR, PDF_TILES, GObject)

IrPdfTiles *ir_pdf_tiles_new               (gsize               budget_bytes);
void        ir_pdf_tiles_set_document      (IrPdfTiles         *self,
                                            IrPdf              *document);
void        ir_pdf_tiles_begin_frame       (IrPdfTiles         *self);
GdkTexture *ir_pdf_tiles_lookup            (IrPdfTiles         *self,
                                            const IrPdfTileKey *key);
void        ir_pdf_tiles_request           (IrPdfTiles         *self,
                                            GArray             *keys);
gboolean    ir_pdf_tiles_is_busy           (IrPdfTiles         *self);
guint       ir_pdf_tiles_get_n_rendered    (IrPdfTiles         *self);

GdkTexture *ir_pdf_texture_new_for_surface (cairo_surface_t    *surface);
int         ir_pdf_tiles_level_for_scale   (double              scale);
double      ir_pdf_tiles_level_scale       (int                 level);
IrPdfRect   ir_pdf_tiles_get_area          (const IrPdfTileKey *key,
                                            double              page_width,
                                            double              page_height);

G_END_DECLS
