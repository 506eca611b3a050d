/* ir-pdf.h: opening, measuring and rendering PDF drawings with poppler
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Page coordinates throughout the drawing code are PDF points (1/72 inch)
 * on the page as it is displayed, that is after its /Rotate: the origin is
 * the top-left corner of the crop box and y points down. Rendering at scale
 * 1.0 maps one point to one pixel. Pages are numbered from 0. */

#define IR_PDF_ERROR (ir_pdf_error_quark ())

/* A drawing larger than this is rejected unless the caller passes its own
 * limit: 200 MB, the server's upload limit for files. */
#define IR_PDF_DEFAULT_MAX_SIZE (G_GUINT64_CONSTANT (200) * 1000 * 1000)

/* Longest side, in pixels, of the preview stored at import. */
#define IR_PDF_PREVIEW_SIZE 1024

typedef enum
{
  IR_PDF_ERROR_READ,
  IR_PDF_ERROR_EMPTY,
  IR_PDF_ERROR_NOT_PDF,
  IR_PDF_ERROR_TOO_LARGE,
  IR_PDF_ERROR_ENCRYPTED,
  IR_PDF_ERROR_DAMAGED,
  IR_PDF_ERROR_NO_PAGES,
  IR_PDF_ERROR_PAGE,
  IR_PDF_ERROR_RENDER,
} IrPdfError;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} IrPdfRect;

/* A word of a page's text layer with the box that encloses its glyphs. */
typedef struct
{
  char      *text;
  IrPdfRect  box;
  double     font_size;
} IrPdfWord;

/* Which sheet a page is, as read from its title block. A field that could
 * not be read is %NULL, or 0 for the numbers. */
typedef struct
{
  char *number;
  char *title;
  int   sheet;
  int   n_sheets;
} IrPdfSheetInfo;

#define IR_TYPE_PDF (ir_pdf_get_type ())

G_DECLARE_FINAL_TYPE (IrPdf, ir_pdf, IR, PDF, GObject)

GQuark           ir_pdf_error_quark        (void);

IrPdf           *ir_pdf_new_from_file      (const char       *path,
                                            guint64           max_size,
                                            GCancellable     *cancellable,
                                            GError          **error);
IrPdf           *ir_pdf_new_from_bytes     (GBytes           *bytes,
                                            const char       *name,
                                            guint64           max_size,
                                            GError          **error);
const char      *ir_pdf_get_name           (IrPdf            *self);
int              ir_pdf_get_n_pages        (IrPdf            *self);
gboolean         ir_pdf_get_page_size      (IrPdf            *self,
                                            int               page,
                                            double           *width,
                                            double           *height);
cairo_surface_t *ir_pdf_render_page        (IrPdf            *self,
                                            int               page,
                                            double            scale,
                                            GCancellable     *cancellable,
                                            GError          **error);
cairo_surface_t *ir_pdf_render_region      (IrPdf            *self,
                                            int               page,
                                            double            scale,
                                            const IrPdfRect  *region,
                                            GCancellable     *cancellable,
                                            GError          **error);
GBytes          *ir_pdf_render_preview     (IrPdf            *self,
                                            int               page,
                                            int               max_side,
                                            GCancellable     *cancellable,
                                            GError          **error);
cairo_surface_t *ir_pdf_preview_load       (GBytes           *png,
                                            GError          **error);

GPtrArray       *ir_pdf_get_words          (IrPdf            *self,
                                            int               page);
IrPdfSheetInfo  *ir_pdf_get_sheet_info     (IrPdf            *self,
                                            int               page);

IrPdfSheetInfo  *ir_pdf_sheet_info_guess   (GPtrArray        *words,
                                            double            page_width,
                                            double            page_height);
void             ir_pdf_sheet_info_free    (IrPdfSheetInfo   *info);
void             ir_pdf_word_free          (IrPdfWord        *word);

gboolean         ir_pdf_rect_intersects    (const IrPdfRect  *a,
                                            const IrPdfRect  *b);
void             ir_pdf_rect_union         (IrPdfRect        *into,
                                            const IrPdfRect  *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrPdfSheetInfo, ir_pdf_sheet_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrPdfWord, ir_pdf_word_free)

G_END_DECLS
