/* ir-pdf-document-model.h: which page of which drawing is shown, and how big
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-pdf.h"

G_BEGIN_DECLS

typedef enum
{
  IR_PDF_SIZING_FREE,
  IR_PDF_SIZING_FIT_PAGE,
  IR_PDF_SIZING_FIT_WIDTH,
} IrPdfSizingMode;

/* Zoom is in logical pixels per point: 1.0 shows a sheet at 72 dpi. */
#define IR_PDF_ZOOM_MIN 0.02
#define IR_PDF_ZOOM_MAX 16.0

#define IR_TYPE_PDF_SIZING_MODE (ir_pdf_sizing_mode_get_type ())
#define IR_TYPE_PDF_DOCUMENT_MODEL (ir_pdf_document_model_get_type ())

GType ir_pdf_sizing_mode_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (IrPdfDocumentModel, ir_pdf_document_model, IR, PDF_DOCUMENT_MODEL, GObject)

IrPdfDocumentModel *ir_pdf_document_model_new             (void);
IrPdf              *ir_pdf_document_model_get_document    (IrPdfDocumentModel *self);
void                ir_pdf_document_model_set_document    (IrPdfDocumentModel *self,
                                                           IrPdf              *document,
                                                           GdkTexture         *preview);
GdkTexture         *ir_pdf_document_model_get_preview     (IrPdfDocumentModel *self);
int                 ir_pdf_document_model_get_page        (IrPdfDocumentModel *self);
void                ir_pdf_document_model_set_page        (IrPdfDocumentModel *self,
                                                           int                 page);
int                 ir_pdf_document_model_get_n_pages     (IrPdfDocumentModel *self);
gboolean            ir_pdf_document_model_get_page_size   (IrPdfDocumentModel *self,
                                                           double             *width,
                                                           double             *height);
double              ir_pdf_document_model_get_zoom        (IrPdfDocumentModel *self);
void                ir_pdf_document_model_set_zoom        (IrPdfDocumentModel *self,
                                                           double              zoom);
IrPdfSizingMode     ir_pdf_document_model_get_sizing_mode (IrPdfDocumentModel *self);
void                ir_pdf_document_model_set_sizing_mode (IrPdfDocumentModel *self,
                                                           IrPdfSizingMode     mode);
void                ir_pdf_document_model_zoom_by         (IrPdfDocumentModel *self,
                                                           double              factor);

G_END_DECLS
