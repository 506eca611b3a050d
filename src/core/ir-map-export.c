/* ir-map-export.c: the decision map as a PNG, SVG or PDF file
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ir-map-model.h"
#include "ir-map-render.h"

/* A PNG is drawn at twice the map's size, for a sharp picture on a
 * projector, but never wider or taller than this many pixels. */
#define PNG_SCALE    2.0
#define PNG_MAX_SIDE 16000.0

gboolean
ir_map_export_format_from_name (const char        *name,
                                IrMapExportFormat *format)
{
  if (g_ascii_strcasecmp (name, "png") == 0)
    *format = IR_MAP_EXPORT_PNG;
  else if (g_ascii_strcasecmp (name, "svg") == 0)
    *format = IR_MAP_EXPORT_SVG;
  else if (g_ascii_strcasecmp (name, "pdf") == 0)
    *format = IR_MAP_EXPORT_PDF;
  else
    return FALSE;

  return TRUE;
}

static gboolean
check_status (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Failed to write the map to “%s”: %s. Check that the folder exists "
                 "and is writable."), path, cairo_status_to_string (status));
  return FALSE;
}

/**
 * ir_map_export:
 *
 * Writes the room's decision map to @path as a page with a title and a
 * legend: a PNG at twice the map's size, or an SVG or PDF page in points.
 */
gboolean
ir_map_export (IrStore            *store,
               IrMapExportFormat   format,
               const char         *path,
               GError            **error)
{
  g_autoptr(IrMapScene) scene = ir_map_scene_new (store, NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height, scale = 1.0;
  cairo_t *cr;

  ir_map_scene_get_page_size (scene, &width, &height);

  switch (format)
    {
    case IR_MAP_EXPORT_PNG:
      scale = MIN (PNG_SCALE, PNG_MAX_SIDE / MAX (width, height));
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;

    case IR_MAP_EXPORT_SVG:
      surface = cairo_svg_surface_create (path, width, height);
      break;

    case IR_MAP_EXPORT_PDF:
    default:
      surface = cairo_pdf_surface_create (path, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, scene->room_name);
      break;
    }

  if (!check_status (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  ir_map_scene_render_page (scene, cr, width, height);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == IR_MAP_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, path);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, path, error);
}
