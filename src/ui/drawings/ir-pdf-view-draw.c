/* ir-pdf-view-draw.c: drawing the page from the preview and rendered tiles
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame draws what is rendered and never waits: the stored preview or a
 * low-resolution picture of the page first, then the tiles of the last
 * complete scale level, then those of the zoom's level. Whatever is missing
 * is requested from IrPdfTiles, visible tiles nearest the middle first and
 * a ring around them after.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-pdf-view-private.h"

/* Maximum side of the low-resolution picture of a page without a stored
 * preview, in pixels: the size of the stored previews. */
#define PICTURE_SIDE IR_PDF_PREVIEW_SIZE

/* Appends @texture over the page area @area (points), with edges on whole
 * device pixels so that neighbouring tiles meet without a seam. */
static void
append_tile (IrPdfView       *self,
             GtkSnapshot     *snapshot,
             GdkTexture      *texture,
             const IrPdfRect *area,
             double           origin_x,
             double           origin_y,
             double           zoom,
             int              scale_factor)
{
  double x0 = round ((origin_x + area->x * zoom) * scale_factor) / scale_factor;
  double y0 = round ((origin_y + area->y * zoom) * scale_factor) / scale_factor;
  double x1 = round ((origin_x + (area->x + area->width) * zoom) * scale_factor) / scale_factor;
  double y1 = round ((origin_y + (area->y + area->height) * zoom) * scale_factor) / scale_factor;

  gtk_snapshot_append_texture (snapshot, texture,
                               &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
}

typedef struct
{
  IrPdfTileKey key;
  double       distance;
} Wanted;

static int
compare_wanted (gconstpointer a,
                gconstpointer b)
{
  const Wanted *wa = a, *wb = b;

  return wa->distance < wb->distance ? -1 : wa->distance > wb->distance;
}

/* Draws the tiles of @level over the visible part of the page, the page
 * points (x0, y0)–(x1, y1). Adds the missing ones to @missing, with rings
 * of @prefetch tiles beyond the visible ones. Returns whether every visible
 * tile was drawn. */
static gboolean
draw_level (IrPdfView   *self,
            GtkSnapshot *snapshot,
            int          page,
            int          level,
            const double visible[4],
            int          prefetch,
            GArray      *missing)
{
  double page_width, page_height, origin_x, origin_y;
  double zoom = ir_pdf_view_get_zoom (self);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double side = IR_PDF_TILE_SIZE / ir_pdf_tiles_level_scale (level);
  double middle_x = (visible[0] + visible[2]) / 2, middle_y = (visible[1] + visible[3]) / 2;
  int last_column, last_row, first_column, first_row;
  gboolean complete = TRUE;

  ir_pdf_view_get_page_size (self, &page_width, &page_height);
  ir_pdf_view_get_page_origin (self, &origin_x, &origin_y);
  last_column = (int) ceil (page_width / side) - 1;
  last_row = (int) ceil (page_height / side) - 1;
  first_column = (int) floor (visible[0] / side);
  first_row = (int) floor (visible[1] / side);

  for (int row = MAX (first_row - prefetch, 0);
       row <= MIN ((int) floor (visible[3] / side) + prefetch, last_row); row++)
    for (int column = MAX (first_column - prefetch, 0);
         column <= MIN ((int) floor (visible[2] / side) + prefetch, last_column); column++)
      {
        IrPdfTileKey key = { page, level, column, row };
        IrPdfRect area = ir_pdf_tiles_get_area (&key, page_width, page_height);
        gboolean shown = area.x < visible[2] && area.x + area.width > visible[0] &&
                         area.y < visible[3] && area.y + area.height > visible[1];
        GdkTexture *texture = NULL;

        if (shown)
          texture = ir_pdf_tiles_lookup (self->tiles, &key);

        if (texture != NULL)
          append_tile (self, snapshot, texture, &area, origin_x, origin_y, zoom, scale_factor);
        else if (missing != NULL && (shown || ir_pdf_tiles_lookup (self->tiles, &key) == NULL))
          {
            Wanted wanted = { key, 0 };

            wanted.distance = hypot (area.x + area.width / 2 - middle_x,
                                     area.y + area.height / 2 - middle_y);
            /* Visible tiles come before the prefetched ring. */
            if (!shown)
              wanted.distance += G_MAXINT;
            g_array_append_val (missing, wanted);
          }

        if (shown && texture == NULL)
          complete = FALSE;
      }

  return complete;
}

static GdkTexture *
get_page_picture (IrPdfView    *self,
                  int           page,
                  IrPdfTileKey *key)
{
  GdkTexture *preview = ir_pdf_document_model_get_preview (self->model);

  *key = (IrPdfTileKey) { page, 0, -1, PICTURE_SIDE };
  if (page == 0 && preview != NULL)
    return preview;

  return ir_pdf_tiles_lookup (self->tiles, key);
}

static void
draw_page (IrPdfView             *self,
           GtkSnapshot           *snapshot,
           const graphene_rect_t *page_rect)
{
  double page_width, page_height, origin_x, origin_y, visible[4];
  double zoom = ir_pdf_view_get_zoom (self);
  int page = ir_pdf_document_model_get_page (self->model);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int level = ir_pdf_tiles_level_for_scale (zoom * scale_factor);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (Wanted));
  g_autoptr(GArray) requests = g_array_new (FALSE, FALSE, sizeof (IrPdfTileKey));
  IrPdfTileKey picture_key;
  GdkTexture *picture;

  ir_pdf_view_get_page_size (self, &page_width, &page_height);
  ir_pdf_view_get_page_origin (self, &origin_x, &origin_y);
  visible[0] = MAX (0, -origin_x / zoom);
  visible[1] = MAX (0, -origin_y / zoom);
  visible[2] = MIN (page_width, (gtk_widget_get_width (GTK_WIDGET (self)) - origin_x) / zoom);
  visible[3] = MIN (page_height, (gtk_widget_get_height (GTK_WIDGET (self)) - origin_y) / zoom);

  ir_pdf_tiles_begin_frame (self->tiles);
  self->picture_state = IR_PDF_PICTURE_NONE;

  picture = get_page_picture (self, page, &picture_key);
  if (picture != NULL)
    {
      gtk_snapshot_append_texture (snapshot, picture, page_rect);
      self->picture_state = IR_PDF_PICTURE_PREVIEW;
    }
  else
    g_array_append_val (requests, picture_key);

  /* A picture at or below the screen's resolution is already sharp. */
  if (picture != NULL &&
      gdk_texture_get_width (picture) >= page_width * zoom * scale_factor - 1)
    self->picture_state = IR_PDF_PICTURE_SHARP;
  else
    {
      if (self->complete_page == page && self->complete_level != level)
        draw_level (self, snapshot, page, self->complete_level, visible, 0, NULL);

      if (draw_level (self, snapshot, page, level, visible, 1, missing))
        {
          self->complete_level = level;
          self->complete_page = page;
          self->picture_state = IR_PDF_PICTURE_SHARP;
        }
    }

  g_array_sort (missing, compare_wanted);
  for (guint i = 0; i < missing->len; i++)
    g_array_append_val (requests, g_array_index (missing, Wanted, i).key);
  ir_pdf_tiles_request (self->tiles, requests);
}

static void
draw_zoom_rect (IrPdfView   *self,
                GtkSnapshot *snapshot)
{
  graphene_rect_t rect;
  GskRoundedRect outline;
  GdkRGBA fill = { 0.21, 0.52, 0.89, 0.15 };
  GdkRGBA line = { 0.21, 0.52, 0.89, 0.9 };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA lines[4] = { line, line, line, line };

  graphene_rect_init (&rect,
                      MIN (self->zoom_rect[0], self->zoom_rect[2]),
                      MIN (self->zoom_rect[1], self->zoom_rect[3]),
                      fabs (self->zoom_rect[2] - self->zoom_rect[0]),
                      fabs (self->zoom_rect[3] - self->zoom_rect[1]));
  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  gtk_snapshot_append_border (snapshot, &outline, widths, lines);
}

/* --- GtkWidget::snapshot ------------------------------------------------- */

void
ir_pdf_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  IrPdfView *self = IR_PDF_VIEW (widget);
  double page_width, page_height, origin_x, origin_y;
  double zoom = ir_pdf_view_get_zoom (self);
  GdkRGBA shadow = { 0, 0, 0, 0.3 };
  GdkRGBA paper = { 1, 1, 1, 1 };
  graphene_rect_t page_rect, clip;
  GskRoundedRect outline;

  if (!ir_pdf_view_get_page_size (self, &page_width, &page_height))
    {
      self->picture_state = IR_PDF_PICTURE_NONE;
      return;
    }

  ir_pdf_view_get_page_origin (self, &origin_x, &origin_y);
  graphene_rect_init (&page_rect, origin_x, origin_y, page_width * zoom, page_height * zoom);
  gsk_rounded_rect_init_from_rect (&outline, &page_rect, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 1, 6);
  gtk_snapshot_append_color (snapshot, &paper, &page_rect);

  graphene_rect_intersection (&page_rect,
                              &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                   gtk_widget_get_height (widget)),
                              &clip);
  gtk_snapshot_push_clip (snapshot, &clip);
  if (self->page_texture != NULL)
    {
      gtk_snapshot_append_texture (snapshot, self->page_texture, &page_rect);
      self->picture_state = IR_PDF_PICTURE_SHARP;
    }
  else
    draw_page (self, snapshot, &page_rect);
  gtk_snapshot_pop (snapshot);

  ir_pdf_view_emit_overlay (self, snapshot);

  if (self->selecting_zoom)
    draw_zoom_rect (self, snapshot);
}
