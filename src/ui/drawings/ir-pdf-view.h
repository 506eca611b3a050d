/* ir-pdf-view.h: one page of a drawing, rendered in tiles, to pan and zoom
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-pdf-document-model.h"

G_BEGIN_DECLS

/* How sharp the last frame's page was. */
typedef enum
{
  IR_PDF_PICTURE_NONE,     /* no page, or nothing rendered yet */
  IR_PDF_PICTURE_PREVIEW,  /* the stored preview or a low-resolution render */
  IR_PDF_PICTURE_SHARP,    /* every visible tile at the zoom's resolution */
} IrPdfPictureState;

#define IR_TYPE_PDF_VIEW (ir_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (IrPdfView, ir_pdf_view, IR, PDF_VIEW, GtkWidget)

GtkWidget          *ir_pdf_view_new                (IrPdfDocumentModel *model);
IrPdfDocumentModel *ir_pdf_view_get_model          (IrPdfView          *self);
void                ir_pdf_view_set_model          (IrPdfView          *self,
                                                    IrPdfDocumentModel *model);
void                ir_pdf_view_set_page_texture   (IrPdfView          *self,
                                                    GdkTexture         *texture);
void                ir_pdf_view_set_pan_with_primary (IrPdfView        *self,
                                                    gboolean            pan);
double              ir_pdf_view_get_zoom           (IrPdfView          *self);
void                ir_pdf_view_page_to_widget     (IrPdfView          *self,
                                                    double              page_x,
                                                    double              page_y,
                                                    double             *x,
                                                    double             *y);
void                ir_pdf_view_widget_to_page     (IrPdfView          *self,
                                                    double              x,
                                                    double              y,
                                                    double             *page_x,
                                                    double             *page_y);
void                ir_pdf_view_zoom_at            (IrPdfView          *self,
                                                    double              factor,
                                                    double              x,
                                                    double              y);
void                ir_pdf_view_zoom_to_rect       (IrPdfView          *self,
                                                    const IrPdfRect    *rect);
void                ir_pdf_view_begin_pan          (IrPdfView          *self);
void                ir_pdf_view_update_pan         (IrPdfView          *self,
                                                    double              dx,
                                                    double              dy);
IrPdfPictureState   ir_pdf_view_get_picture_state  (IrPdfView          *self);
guint               ir_pdf_view_get_n_rendered     (IrPdfView          *self);

G_END_DECLS
