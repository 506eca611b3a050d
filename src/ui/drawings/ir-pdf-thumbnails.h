/* ir-pdf-thumbnails.h: small pictures of a drawing's pages, to go to one
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-pdf-document-model.h"

G_BEGIN_DECLS

#define IR_TYPE_PDF_THUMBNAILS (ir_pdf_thumbnails_get_type ())

G_DECLARE_FINAL_TYPE (IrPdfThumbnails, ir_pdf_thumbnails, IR, PDF_THUMBNAILS, GtkWidget)

GtkWidget *ir_pdf_thumbnails_new       (IrPdfDocumentModel *model);
guint      ir_pdf_thumbnails_get_n_shown (IrPdfThumbnails  *self);

G_END_DECLS
