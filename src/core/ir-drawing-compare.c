/* ir-drawing-compare.c: what changed between two revisions of a sheet
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ir-drawing-compare.h"
#include "ir-drawing-compare-private.h"

/* Automatic alignment looks for a shift of the whole sheet up to this far,
 * in points (20 mm), the margin differences of plotters and PDF printers. */
#define MAX_ALIGN_SHIFT (20 / 25.4 * 72)

/* ------------------------------------------------------------------------ */
/* Options                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * ir_drawing_compare_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Sets the defaults: 150 dpi, paper from a darkest channel of 224 up, one
 * pixel of tolerance for anti-aliasing, regions of 12 changed pixels or
 * more, changes within 12 points (about 4 mm) merged, no offset, nothing
 * ignored.
 */
void
ir_drawing_compare_options_init (IrDrawingCompareOptions *options)
{
  memset (options, 0, sizeof *options);
  options->dpi = 150;
  options->white_level = 224;
  options->tolerance = 1;
  options->min_pixels = 12;
  options->merge_distance = 12;
}

/* ------------------------------------------------------------------------ */
/* Alignment                                                                */
/* ------------------------------------------------------------------------ */

/* Returns the shift s that best lines up @fixed[x] with @moved[x + s]. */
static int
best_profile_shift (const guint32 *fixed,
                    int            n_fixed,
                    const guint32 *moved,
                    int            n_moved,
                    int            max_shift)
{
  guint64 best_score = 0;
  int best = 0;

  for (int shift = -max_shift; shift <= max_shift; shift++)
    {
      guint64 score = 0;
      int start = MAX (0, -shift);
      int end = MIN (n_fixed, n_moved - shift);

      for (int x = start; x < end; x++)
        score += (guint64) fixed[x] * moved[x + shift];

      if (score > best_score || (score == best_score && ABS (shift) < ABS (best)))
        {
          best_score = score;
          best = shift;
        }
    }

  return best;
}

static guint64
count_mismatch (const IrDrawingMask *old_mask,
                const IrDrawingMask *new_mask,
                int                  dx,
                int                  dy)
{
  g_autoptr(IrDrawingMask) moved = ir_drawing_mask_translate (old_mask, dx, dy,
                                                              new_mask->width,
                                                              new_mask->height);
  gsize n_words = (gsize) moved->stride * moved->height;
  guint64 count = 0;

  for (gsize i = 0; i < n_words; i++)
    count += __builtin_popcountll (moved->bits[i] ^ new_mask->bits[i]);

  return count;
}

/* Estimates how far the whole sheet moved from the ink profiles of its
 * columns and rows. Then it keeps whichever of no shift, the horizontal, the
 * vertical or both shifts leaves the fewest mismatched pixels. A repeating
 * pattern therefore cannot move a sheet that stayed. */
static void
estimate_shift (const IrDrawingMask *old_mask,
                const IrDrawingMask *new_mask,
                double               scale,
                int                 *dx,
                int                 *dy)
{
  g_autofree guint32 *old_columns = g_new0 (guint32, old_mask->stride * 64);
  g_autofree guint32 *old_rows = g_new0 (guint32, old_mask->height);
  g_autofree guint32 *new_columns = g_new0 (guint32, new_mask->stride * 64);
  g_autofree guint32 *new_rows = g_new0 (guint32, new_mask->height);
  int max_shift = (int) ceil (MAX_ALIGN_SHIFT * scale);
  int candidates[4][2];
  guint64 best = G_MAXUINT64;

  ir_drawing_mask_profiles (old_mask, old_columns, old_rows);
  ir_drawing_mask_profiles (new_mask, new_columns, new_rows);

  candidates[0][0] = 0;
  candidates[0][1] = 0;
  candidates[3][0] = best_profile_shift (old_columns, old_mask->width,
                                         new_columns, new_mask->width, max_shift);
  candidates[3][1] = best_profile_shift (old_rows, old_mask->height,
                                         new_rows, new_mask->height, max_shift);
  candidates[1][0] = candidates[3][0];
  candidates[1][1] = 0;
  candidates[2][0] = 0;
  candidates[2][1] = candidates[3][1];

  *dx = *dy = 0;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      guint64 mismatch = count_mismatch (old_mask, new_mask,
                                         candidates[i][0], candidates[i][1]);

      if (mismatch < best)
        {
          best = mismatch;
          *dx = candidates[i][0];
          *dy = candidates[i][1];
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

static void
clear_ignored (IrDrawingCompare *self)
{
  for (guint i = 0; i < self->ignore->len; i++)
    {
      const IrPdfRect *rect = &g_array_index (self->ignore, IrPdfRect, i);
      int x0 = (int) floor (rect->x * self->scale);
      int y0 = (int) floor (rect->y * self->scale);
      int x1 = (int) ceil ((rect->x + rect->width) * self->scale);
      int y1 = (int) ceil ((rect->y + rect->height) * self->scale);

      ir_drawing_mask_clear_rect (self->removed, x0, y0, x1 - x0, y1 - y0);
      ir_drawing_mask_clear_rect (self->added, x0, y0, x1 - x0, y1 - y0);
    }
}

/**
 * ir_drawing_compare_new_from_surfaces:
 * @old_render: the old revision's page, rendered opaque
 * @new_render: the new revision's page at the same scale
 * @scale: pixels per point of both renders
 * @options: how to compare
 *
 * Compares two renders pixel by pixel: ink of one revision with no ink of
 * the other within the tolerance is a change, and changes are grouped into
 * regions. The result has no text changes; ir_drawing_compare_new_from_pages()
 * adds them. Keeps a reference to both surfaces for the overlay.
 *
 * Returns: (transfer full): the comparison
 */
IrDrawingCompare *
ir_drawing_compare_new_from_surfaces (cairo_surface_t               *old_render,
                                      cairo_surface_t               *new_render,
                                      double                         scale,
                                      const IrDrawingCompareOptions *options)
{
  IrDrawingCompare *self = g_new0 (IrDrawingCompare, 1);
  g_autoptr(IrDrawingMask) old_ink = NULL;
  g_autoptr(IrDrawingMask) new_ink = NULL;
  g_autoptr(IrDrawingMask) old_moved = NULL;
  g_autoptr(IrDrawingMask) old_near = NULL;
  g_autoptr(IrDrawingMask) new_near = NULL;

  self->scale = scale;
  self->old_render = cairo_surface_reference (old_render);
  self->new_render = cairo_surface_reference (new_render);
  self->width = cairo_image_surface_get_width (new_render);
  self->height = cairo_image_surface_get_height (new_render);
  self->ignore = g_array_new (FALSE, FALSE, sizeof (IrPdfRect));
  self->regions = g_array_new (FALSE, FALSE, sizeof (IrDrawingRegion));
  self->text_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_drawing_text_change_free);
  if (options->ignore != NULL)
    g_array_append_vals (self->ignore, options->ignore->data, options->ignore->len);

  old_ink = ir_drawing_mask_new_from_ink (old_render, options->white_level);
  new_ink = ir_drawing_mask_new_from_ink (new_render, options->white_level);

  if (options->auto_align)
    {
      estimate_shift (old_ink, new_ink, scale, &self->shift_x, &self->shift_y);
    }
  else
    {
      self->shift_x = (int) lround (options->offset_x * scale);
      self->shift_y = (int) lround (options->offset_y * scale);
    }

  old_moved = ir_drawing_mask_translate (old_ink, self->shift_x, self->shift_y,
                                         self->width, self->height);
  old_near = ir_drawing_mask_dilate (old_moved, options->tolerance);
  new_near = ir_drawing_mask_dilate (new_ink, options->tolerance);
  self->removed = ir_drawing_mask_subtract (old_moved, new_near);
  self->added = ir_drawing_mask_subtract (new_ink, old_near);

  clear_ignored (self);
  self->changed_pixels = ir_drawing_mask_count (self->removed) +
                         ir_drawing_mask_count (self->added);
  ir_drawing_compare_find_regions (self, options);

  return self;
}

/**
 * ir_drawing_compare_new_from_pages:
 * @old_pdf: the old revision
 * @old_page: its page, from 0
 * @new_pdf: the new revision
 * @new_page: its page, from 0
 * @options: how to compare; @options->dpi sets the render resolution
 * @cancellable: (nullable): cancels the renders
 * @error: return location for an #IR_PDF_ERROR or %G_IO_ERROR_CANCELLED
 *
 * Renders both pages and compares their pixels, then their text layers
 * when both pages have one. May run in a worker thread.
 *
 * Returns: (transfer full) (nullable): the comparison
 */
IrDrawingCompare *
ir_drawing_compare_new_from_pages (IrPdf                         *old_pdf,
                                   int                            old_page,
                                   IrPdf                         *new_pdf,
                                   int                            new_page,
                                   const IrDrawingCompareOptions *options,
                                   GCancellable                  *cancellable,
                                   GError                       **error)
{
  double scale = options->dpi / 72.0;
  cairo_surface_t *old_render = NULL;
  cairo_surface_t *new_render = NULL;
  g_autoptr(GPtrArray) old_words = NULL;
  g_autoptr(GPtrArray) new_words = NULL;
  IrDrawingCompare *self;

  g_return_val_if_fail (options->dpi > 0, NULL);

  old_render = ir_pdf_render_page (old_pdf, old_page, scale, cancellable, error);
  if (old_render == NULL)
    return NULL;

  new_render = ir_pdf_render_page (new_pdf, new_page, scale, cancellable, error);
  if (new_render == NULL)
    {
      cairo_surface_destroy (old_render);
      return NULL;
    }

  self = ir_drawing_compare_new_from_surfaces (old_render, new_render, scale, options);
  cairo_surface_destroy (old_render);
  cairo_surface_destroy (new_render);

  old_words = ir_pdf_get_words (old_pdf, old_page);
  new_words = ir_pdf_get_words (new_pdf, new_page);
  self->old_has_text = old_words->len > 0;
  self->new_has_text = new_words->len > 0;

  if (self->old_has_text && self->new_has_text)
    {
      g_clear_pointer (&self->text_changes, g_ptr_array_unref);
      self->text_changes = ir_drawing_text_compare (old_words, new_words,
                                                    self->shift_x / scale,
                                                    self->shift_y / scale,
                                                    self->ignore);
      ir_drawing_compare_add_text_regions (self);
    }

  return self;
}

void
ir_drawing_compare_free (IrDrawingCompare *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->old_render, cairo_surface_destroy);
  g_clear_pointer (&self->new_render, cairo_surface_destroy);
  g_clear_pointer (&self->removed, ir_drawing_mask_free);
  g_clear_pointer (&self->added, ir_drawing_mask_free);
  g_clear_pointer (&self->ignore, g_array_unref);
  g_clear_pointer (&self->regions, g_array_unref);
  g_clear_pointer (&self->text_changes, g_ptr_array_unref);
  g_free (self);
}

/* Returns: (transfer none) (element-type IrDrawingRegion): the changed
 * regions, top to bottom, in the new page's points */
GArray *
ir_drawing_compare_get_regions (IrDrawingCompare *self)
{
  return self->regions;
}

/* Returns: (transfer none) (element-type IrDrawingTextChange): the text
 * changes, empty unless ir_drawing_compare_get_text_compared() */
GPtrArray *
ir_drawing_compare_get_text_changes (IrDrawingCompare *self)
{
  return self->text_changes;
}

/* Returns whether both pages have a text layer, so that text changes were
 * looked for; otherwise the compare is by pixels only. */
gboolean
ir_drawing_compare_get_text_compared (IrDrawingCompare *self)
{
  return self->old_has_text && self->new_has_text;
}

gboolean
ir_drawing_compare_get_old_has_text (IrDrawingCompare *self)
{
  return self->old_has_text;
}

gboolean
ir_drawing_compare_get_new_has_text (IrDrawingCompare *self)
{
  return self->new_has_text;
}

/* Returns the offset used, in points: the one given, or the one estimated
 * with automatic alignment, rounded to whole pixels. */
void
ir_drawing_compare_get_offset (IrDrawingCompare *self,
                               double           *offset_x,
                               double           *offset_y)
{
  *offset_x = self->shift_x / self->scale;
  *offset_y = self->shift_y / self->scale;
}

double
ir_drawing_compare_get_scale (IrDrawingCompare *self)
{
  return self->scale;
}

guint64
ir_drawing_compare_get_changed_pixels (IrDrawingCompare *self)
{
  return self->changed_pixels;
}
