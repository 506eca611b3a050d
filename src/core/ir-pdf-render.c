/* ir-pdf-render.c: rendering pages, tiles and previews of PDF drawings
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ir-pdf.h"
#include "ir-pdf-private.h"

/* Cairo image surfaces are limited to 32767 pixels a side, and a render
 * above 1 GiB would starve a desktop of memory. */
#define MAX_SURFACE_SIDE 32767
#define MAX_SURFACE_BYTES (G_GUINT64_CONSTANT (1) << 30)

static gboolean
check_page (IrPdf   *self,
            int      page,
            GError **error)
{
  int n_pages = ir_pdf_get_n_pages (self);

  if (page >= 0 && page < n_pages)
    return TRUE;

  g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_PAGE,
               _("“%s” has no page %d; it has %d. Choose a page from 1 to %d."),
               ir_pdf_get_name (self), page + 1, n_pages, n_pages);
  return FALSE;
}

static cairo_surface_t *
create_surface (IrPdf       *self,
                double       width,
                double       height,
                GError     **error)
{
  int pixel_width = (int) MAX (1, ceil (width - 1e-6));
  int pixel_height = (int) MAX (1, ceil (height - 1e-6));
  cairo_surface_t *surface;

  if (!isfinite (width) || !isfinite (height) ||
      width > MAX_SURFACE_SIDE || height > MAX_SURFACE_SIDE ||
      (guint64) pixel_width * pixel_height * 4 > MAX_SURFACE_BYTES)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_RENDER,
                   _("A page of “%s” is too large to render at this scale "
                     "(%.0f × %.0f pixels). Zoom out or render a region."),
                   ir_pdf_get_name (self), width, height);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_RENDER,
                   _("Could not allocate %d × %d pixels to render “%s”: %s. "
                     "Zoom out or close other drawings."),
                   pixel_width, pixel_height, ir_pdf_get_name (self),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}

/**
 * ir_pdf_render_region:
 * @self: the document
 * @page: the page, from 0
 * @scale: pixels per point (dpi / 72)
 * @region: (nullable): the part of the page to render, in points; %NULL for
 *   the whole page
 * @cancellable: (nullable): cancels the render
 * @error: return location for an #IR_PDF_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Renders a page, or a tile of it, onto white paper. May be called from any
 * thread; calls into poppler are serialised.
 *
 * Returns: (transfer full) (nullable): an ARGB32 surface of
 *   ⌈width × @scale⌉ × ⌈height × @scale⌉ pixels
 */
cairo_surface_t *
ir_pdf_render_region (IrPdf            *self,
                      int               page,
                      double            scale,
                      const IrPdfRect  *region,
                      GCancellable     *cancellable,
                      GError          **error)
{
  cairo_surface_t *surface;
  PopplerPage *locked;
  IrPdfRect area;
  cairo_t *cr;

  g_return_val_if_fail (IR_IS_PDF (self), NULL);
  g_return_val_if_fail (scale > 0, NULL);

  if (!check_page (self, page, error))
    return NULL;

  if (region != NULL)
    area = *region;
  else if (!ir_pdf_get_page_size (self, page, &area.width, &area.height))
    area.width = area.height = 0;
  if (region == NULL)
    area.x = area.y = 0;

  surface = create_surface (self, area.width * scale, area.height * scale, error);
  if (surface == NULL)
    return NULL;

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area.x, -area.y);

  /* NOTE: poppler-glib 22.12 has no way to stop a page render once it has
   * started, so cancelling takes effect before and after the render. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  locked = ir_pdf_lock_page (self, page);
  if (locked == NULL)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_DAMAGED,
                   _("Page %d of “%s” is damaged and cannot be read."),
                   page + 1, ir_pdf_get_name (self));
      goto failed;
    }
  poppler_page_render (locked, cr);
  ir_pdf_unlock_page (locked);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;

failed:
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return NULL;
}

/* Renders a whole page; see ir_pdf_render_region(). */
cairo_surface_t *
ir_pdf_render_page (IrPdf         *self,
                    int            page,
                    double         scale,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return ir_pdf_render_region (self, page, scale, NULL, cancellable, error);
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * ir_pdf_render_preview:
 * @self: the document
 * @page: the page, from 0
 * @max_side: the longest side of the preview in pixels, such as
 *   %IR_PDF_PREVIEW_SIZE
 * @cancellable: (nullable): cancels the render
 * @error: return location for an error
 *
 * Renders a small picture of a page, for storing at import so that a viewer
 * can show the page at once while it renders the full resolution.
 *
 * Returns: (transfer full) (nullable): the preview as PNG
 */
GBytes *
ir_pdf_render_preview (IrPdf         *self,
                       int            page,
                       int            max_side,
                       GCancellable  *cancellable,
                       GError       **error)
{
  cairo_surface_t *surface;
  GByteArray *png;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (max_side > 0, NULL);

  if (!check_page (self, page, error))
    return NULL;

  if (!ir_pdf_get_page_size (self, page, &width, &height) || width <= 0 || height <= 0)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_DAMAGED,
                   _("Page %d of “%s” has no size and cannot be shown."),
                   page + 1, ir_pdf_get_name (self));
      return NULL;
    }

  surface = ir_pdf_render_page (self, page, max_side / MAX (width, height),
                                cancellable, error);
  if (surface == NULL)
    return NULL;

  png = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, write_png_cb, png);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_RENDER,
                   _("Could not encode the preview of “%s”: %s. Import the "
                     "drawing again."),
                   ir_pdf_get_name (self), cairo_status_to_string (status));
      g_byte_array_unref (png);
      return NULL;
    }

  return g_byte_array_free_to_bytes (png);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_cb (void          *closure,
             unsigned char *data,
             unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->length - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;

  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;

  return CAIRO_STATUS_SUCCESS;
}

/* Decodes a preview made by ir_pdf_render_preview(). */
cairo_surface_t *
ir_pdf_preview_load (GBytes  *png,
                     GError **error)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  reader.data = g_bytes_get_data (png, &reader.length);
  surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_RENDER,
                   _("The stored preview is not a valid PNG image (%s). Render "
                     "the page again to replace it."),
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  return surface;
}
