/* test-drawing-compare.c: revision compare on fixtures with known changes
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "drawing-fixtures.h"
#include "ir-drawing-compare.h"
#include "ir-drawing-mask.h"
#include "ir-drawing-match.h"

/* A region may stop this many points short of a known change's box: the
 * faintest anti-aliased edge pixels count as paper. */
#define EDGE_SLACK 2.0

/* No region may lie further than this from a known change, in points
 * (5 mm). */
#define NEAR_CHANGE 14.0

static char *directory;

static IrPdf *
open_variant (FixtureVariant variant)
{
  g_autofree char *path = fixture_write_sheet (directory, variant);
  g_autoptr(GError) error = NULL;
  IrPdf *pdf = ir_pdf_new_from_file (path, 0, NULL, &error);

  g_assert_no_error (error);

  return pdf;
}

static IrDrawingCompare *
compare_variants (FixtureVariant                 old_variant,
                  FixtureVariant                 new_variant,
                  const IrDrawingCompareOptions *options)
{
  g_autoptr(IrPdf) old_pdf = open_variant (old_variant);
  g_autoptr(IrPdf) new_pdf = open_variant (new_variant);
  g_autoptr(GError) error = NULL;
  IrDrawingCompareOptions defaults;
  IrDrawingCompare *compare;

  if (options == NULL)
    {
      ir_drawing_compare_options_init (&defaults);
      options = &defaults;
    }

  compare = ir_drawing_compare_new_from_pages (old_pdf, 0, new_pdf, 0, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (compare);

  return compare;
}

static gboolean
contains (const IrPdfRect *outer,
          const IrPdfRect *inner,
          double           slack)
{
  return inner->x + slack >= outer->x &&
         inner->y + slack >= outer->y &&
         inner->x + inner->width - slack <= outer->x + outer->width &&
         inner->y + inner->height - slack <= outer->y + outer->height;
}

static IrPdfRect
grow (const IrPdfRect *rect,
      double           amount)
{
  IrPdfRect grown = {
    rect->x - amount, rect->y - amount,
    rect->width + 2 * amount, rect->height + 2 * amount,
  };

  return grown;
}

/* Every known change lies inside a region, and every region lies near a
 * known change. */
static void
assert_regions_match (IrDrawingCompare *compare,
                      GArray           *changes)
{
  GArray *regions = ir_drawing_compare_get_regions (compare);

  g_assert_cmpuint (regions->len, >, 0);

  for (guint i = 0; i < changes->len; i++)
    {
      const IrPdfRect *change = &g_array_index (changes, IrPdfRect, i);
      gboolean inside = FALSE;

      for (guint j = 0; j < regions->len && !inside; j++)
        inside = contains (&g_array_index (regions, IrDrawingRegion, j).box, change, EDGE_SLACK);

      if (!inside)
        g_test_message ("change at %.1f,%.1f %.1f×%.1f pt lies in no region",
                        change->x, change->y, change->width, change->height);
      g_assert_true (inside);
    }

  /* A region may join nearby changes, so it must lie within the extent of
   * the grown changes that it touches. */
  for (guint j = 0; j < regions->len; j++)
    {
      const IrDrawingRegion *region = &g_array_index (regions, IrDrawingRegion, j);
      IrPdfRect extent = { 0 };
      gboolean touched = FALSE;

      for (guint i = 0; i < changes->len; i++)
        {
          IrPdfRect zone = grow (&g_array_index (changes, IrPdfRect, i), NEAR_CHANGE);

          if (!ir_pdf_rect_intersects (&zone, &region->box))
            continue;
          if (touched)
            ir_pdf_rect_union (&extent, &zone);
          else
            extent = zone;
          touched = TRUE;
        }

      if (!touched || !contains (&extent, &region->box, 0))
        g_test_message ("region at %.1f,%.1f %.1f×%.1f pt is far from every change",
                        region->box.x, region->box.y, region->box.width, region->box.height);
      g_assert_true (touched);
      g_assert_true (contains (&extent, &region->box, 0));
    }
}

/* ------------------------------------------------------------------------ */
/* Pixel and text changes                                                   */
/* ------------------------------------------------------------------------ */

static void
test_identical (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_BASE, FIXTURE_BASE, NULL);

  g_assert_cmpuint (ir_drawing_compare_get_regions (compare)->len, ==, 0);
  g_assert_cmpuint (ir_drawing_compare_get_text_changes (compare)->len, ==, 0);
  g_assert_cmpuint (ir_drawing_compare_get_changed_pixels (compare), ==, 0);
  g_assert_true (ir_drawing_compare_get_text_compared (compare));
}

static void
test_dimension_changed (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_BASE, FIXTURE_DIMENSION, NULL);
  g_autoptr(GArray) changes = fixture_get_changes (FIXTURE_DIMENSION);
  GPtrArray *text = ir_drawing_compare_get_text_changes (compare);
  const IrDrawingTextChange *change;
  IrPdfRect center = { 0 };

  assert_regions_match (compare, changes);

  g_assert_cmpuint (text->len, ==, 1);
  change = g_ptr_array_index (text, 0);
  g_assert_cmpint (change->kind, ==, IR_DRAWING_TEXT_CHANGED);
  g_assert_cmpstr (change->old_text, ==, "120");
  g_assert_cmpstr (change->new_text, ==, "125");
  center.x = change->new_box.x + change->new_box.width / 2;
  center.y = change->new_box.y + change->new_box.height / 2;
  g_assert_true (contains (&g_array_index (changes, IrPdfRect, 0), &center, 0));
}

static void
test_hole_added (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_BASE, FIXTURE_HOLE, NULL);
  g_autoptr(GArray) changes = fixture_get_changes (FIXTURE_HOLE);
  GArray *regions = ir_drawing_compare_get_regions (compare);
  const IrDrawingRegion *region;

  assert_regions_match (compare, changes);
  g_assert_cmpuint (regions->len, ==, 1);
  region = &g_array_index (regions, IrDrawingRegion, 0);
  g_assert_cmpuint (region->added_pixels, >, 100);
  g_assert_cmpuint (region->removed_pixels, <, region->added_pixels / 10);
  g_assert_cmpuint (ir_drawing_compare_get_text_changes (compare)->len, ==, 0);
}

/* Reversing the compare turns added ink into removed ink. */
static void
test_hole_removed (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_HOLE, FIXTURE_BASE, NULL);
  g_autoptr(GArray) changes = fixture_get_changes (FIXTURE_HOLE);
  GArray *regions = ir_drawing_compare_get_regions (compare);

  assert_regions_match (compare, changes);
  g_assert_cmpuint (g_array_index (regions, IrDrawingRegion, 0).removed_pixels, >, 100);
  g_assert_cmpuint (g_array_index (regions, IrDrawingRegion, 0).added_pixels, <, 10);
}

/* A view that moved is a change of pixels; its label moved with it, which
 * is not a change of text. */
static void
test_view_moved (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_BASE, FIXTURE_VIEW_MOVED, NULL);
  g_autoptr(GArray) changes = fixture_get_changes (FIXTURE_VIEW_MOVED);

  assert_regions_match (compare, changes);
  g_assert_cmpuint (ir_drawing_compare_get_text_changes (compare)->len, ==, 0);
}

static void
test_ignore_regions (void)
{
  IrDrawingCompareOptions options;
  g_autoptr(GArray) ignore = g_array_new (FALSE, FALSE, sizeof (IrPdfRect));
  g_autoptr(GArray) dimension = fixture_get_changes (FIXTURE_DIMENSION);
  IrPdfRect hole = fixture_get_hole_area ();
  IrPdfRect text = grow (&g_array_index (dimension, IrPdfRect, 0), 3);
  g_autoptr(IrDrawingCompare) hole_compare = NULL;
  g_autoptr(IrDrawingCompare) text_compare = NULL;

  hole = grow (&hole, 2);
  g_array_append_val (ignore, hole);
  g_array_append_val (ignore, text);
  ir_drawing_compare_options_init (&options);
  options.ignore = ignore;

  hole_compare = compare_variants (FIXTURE_BASE, FIXTURE_HOLE, &options);
  g_assert_cmpuint (ir_drawing_compare_get_regions (hole_compare)->len, ==, 0);

  text_compare = compare_variants (FIXTURE_BASE, FIXTURE_DIMENSION, &options);
  g_assert_cmpuint (ir_drawing_compare_get_regions (text_compare)->len, ==, 0);
  g_assert_cmpuint (ir_drawing_compare_get_text_changes (text_compare)->len, ==, 0);
}

/* A sheet plotted with another margin differs everywhere; the offset by
 * which it moved, given or estimated, cancels that. */
static void
test_sheet_moved (void)
{
  IrDrawingCompareOptions options;
  g_autoptr(IrDrawingCompare) plain = compare_variants (FIXTURE_BASE, FIXTURE_SHEET_MOVED, NULL);
  g_autoptr(IrDrawingCompare) offset = NULL;
  g_autoptr(IrDrawingCompare) aligned = NULL;
  double dx, dy, pixel;

  g_assert_cmpuint (ir_drawing_compare_get_regions (plain)->len, >=, 1);
  g_assert_cmpuint (ir_drawing_compare_get_changed_pixels (plain), >, 20000);

  ir_drawing_compare_options_init (&options);
  options.offset_x = FIXTURE_SHEET_DX;
  options.offset_y = FIXTURE_SHEET_DY;
  offset = compare_variants (FIXTURE_BASE, FIXTURE_SHEET_MOVED, &options);
  g_assert_cmpuint (ir_drawing_compare_get_regions (offset)->len, ==, 0);
  g_assert_cmpuint (ir_drawing_compare_get_text_changes (offset)->len, ==, 0);

  ir_drawing_compare_options_init (&options);
  options.auto_align = TRUE;
  aligned = compare_variants (FIXTURE_BASE, FIXTURE_SHEET_MOVED, &options);
  ir_drawing_compare_get_offset (aligned, &dx, &dy);
  pixel = 1 / ir_drawing_compare_get_scale (aligned);
  g_assert_cmpfloat (fabs (dx - FIXTURE_SHEET_DX), <=, pixel);
  g_assert_cmpfloat (fabs (dy - FIXTURE_SHEET_DY), <=, pixel);
  g_assert_cmpuint (ir_drawing_compare_get_regions (aligned)->len, ==, 0);
}

/* Automatic alignment must not invent an offset for a sheet that stayed. */
static void
test_auto_align_still (void)
{
  IrDrawingCompareOptions options;
  g_autoptr(IrDrawingCompare) compare = NULL;
  g_autoptr(GArray) changes = fixture_get_changes (FIXTURE_HOLE);
  double dx, dy;

  ir_drawing_compare_options_init (&options);
  options.auto_align = TRUE;
  compare = compare_variants (FIXTURE_BASE, FIXTURE_HOLE, &options);
  ir_drawing_compare_get_offset (compare, &dx, &dy);

  g_assert_cmpfloat (dx, ==, 0);
  g_assert_cmpfloat (dy, ==, 0);
  assert_regions_match (compare, changes);
}

static void
test_no_text_layer (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_BASE, FIXTURE_NO_TEXT, NULL);

  g_assert_true (ir_drawing_compare_get_old_has_text (compare));
  g_assert_false (ir_drawing_compare_get_new_has_text (compare));
  g_assert_false (ir_drawing_compare_get_text_compared (compare));
  g_assert_cmpuint (ir_drawing_compare_get_text_changes (compare)->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Overlay                                                                  */
/* ------------------------------------------------------------------------ */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  return ((const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface)))[x];
}

/* Blue pixels (added ink) appear only inside the regions, and unchanged
 * ink disappears at opacity 0. */
static void
test_overlay (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_variants (FIXTURE_BASE, FIXTURE_HOLE, NULL);
  GArray *regions = ir_drawing_compare_get_regions (compare);
  double scale = ir_drawing_compare_get_scale (compare);
  cairo_surface_t *overlay = ir_drawing_compare_render_overlay (compare, 1);
  cairo_surface_t *faded = ir_drawing_compare_render_overlay (compare, 0);
  int width = cairo_image_surface_get_width (overlay);
  int height = cairo_image_surface_get_height (overlay);
  int frame_x = (int) round (20 * 72 / 25.4 * scale);
  guint blue_inside = 0, blue_outside = 0, grey_frame = 0, faded_frame = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = pixel_at (overlay, x, y);
        int r = (pixel >> 16) & 0xff;
        int b = pixel & 0xff;
        IrPdfRect point = { x / scale, y / scale, 0, 0 };
        gboolean inside = FALSE;

        if (b - r < 60)
          continue;

        for (guint i = 0; i < regions->len && !inside; i++)
          {
            IrPdfRect zone = grow (&g_array_index (regions, IrDrawingRegion, i).box, 2 / scale);

            inside = contains (&zone, &point, 0);
          }

        if (inside)
          blue_inside++;
        else
          blue_outside++;
      }

  for (int y = height / 3; y < 2 * height / 3; y++)
    for (int x = frame_x - 2; x <= frame_x + 2; x++)
      {
        if ((pixel_at (overlay, x, y) & 0xff) < 200)
          grey_frame++;
        if ((pixel_at (faded, x, y) & 0xffffff) != 0xffffff)
          faded_frame++;
      }

  g_assert_cmpint (width, ==, (int) ceil (420 * 72 / 25.4 * scale - 1e-6));
  g_assert_cmpuint (blue_inside, >, 100);
  g_assert_cmpuint (blue_outside, ==, 0);
  g_assert_cmpuint (grey_frame, >, 0);
  g_assert_cmpuint (faded_frame, ==, 0);

  cairo_surface_destroy (overlay);
  cairo_surface_destroy (faded);
}

/* ------------------------------------------------------------------------ */
/* Page matching                                                            */
/* ------------------------------------------------------------------------ */

static void
test_match_reordered_sheets (void)
{
  g_autofree char *old_path = fixture_write_sheets (directory, "set-a.pdf",
                                                    (const int[]) { 1, 2, 3 }, 3);
  g_autofree char *new_path = fixture_write_sheets (directory, "set-b.pdf",
                                                    (const int[]) { 2, 3, 1 }, 3);
  g_autoptr(IrPdf) old_pdf = ir_pdf_new_from_file (old_path, 0, NULL, NULL);
  g_autoptr(IrPdf) new_pdf = ir_pdf_new_from_file (new_path, 0, NULL, NULL);
  g_autoptr(GArray) matches = ir_drawing_match_pages (old_pdf, new_pdf);
  const int expected[] = { 2, 0, 1 };

  g_assert_cmpuint (matches->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const IrDrawingPageMatch *match = &g_array_index (matches, IrDrawingPageMatch, i);
      g_autoptr(IrDrawingCompare) compare = NULL;
      IrDrawingCompareOptions options;

      g_assert_cmpint (match->old_page, ==, (int) i);
      g_assert_cmpint (match->new_page, ==, expected[i]);
      g_assert_cmpint (match->reason, ==, IR_DRAWING_MATCH_SHEET);

      /* Matched pages are the same sheet, so they compare equal. */
      ir_drawing_compare_options_init (&options);
      compare = ir_drawing_compare_new_from_pages (old_pdf, match->old_page, new_pdf,
                                                   match->new_page, &options, NULL, NULL);
      g_assert_cmpuint (ir_drawing_compare_get_regions (compare)->len, ==, 0);
    }
}

static IrPdfSheetInfo *
sheet_info (const char *number,
            const char *title,
            int         sheet)
{
  IrPdfSheetInfo *info = g_new0 (IrPdfSheetInfo, 1);

  info->number = g_strdup (number);
  info->title = g_strdup (title);
  info->sheet = sheet;
  info->n_sheets = sheet > 0 ? 3 : 0;

  return info;
}

static void
test_match_fallbacks (void)
{
  g_autoptr(GPtrArray) old_sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_pdf_sheet_info_free);
  g_autoptr(GPtrArray) new_sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_pdf_sheet_info_free);
  g_autoptr(GArray) matches = NULL;
  const IrDrawingPageMatch *match;

  /* Old: a titled sheet, then two pages without text. New: the same title
   * at the end, two pages without text and one more. */
  g_ptr_array_add (old_sheets, sheet_info (NULL, "Bonnet", 0));
  g_ptr_array_add (old_sheets, sheet_info (NULL, NULL, 0));
  g_ptr_array_add (old_sheets, sheet_info (NULL, NULL, 0));
  g_ptr_array_add (new_sheets, sheet_info (NULL, NULL, 0));
  g_ptr_array_add (new_sheets, sheet_info (NULL, NULL, 0));
  g_ptr_array_add (new_sheets, sheet_info (NULL, NULL, 0));
  g_ptr_array_add (new_sheets, sheet_info (NULL, "Bonnet", 0));
  matches = ir_drawing_match_sheets (old_sheets, new_sheets);

  g_assert_cmpuint (matches->len, ==, 4);
  match = &g_array_index (matches, IrDrawingPageMatch, 0);
  g_assert_cmpint (match->new_page, ==, 3);
  g_assert_cmpint (match->reason, ==, IR_DRAWING_MATCH_TITLE);
  match = &g_array_index (matches, IrDrawingPageMatch, 1);
  g_assert_cmpint (match->new_page, ==, 0);
  g_assert_cmpint (match->reason, ==, IR_DRAWING_MATCH_ORDER);
  match = &g_array_index (matches, IrDrawingPageMatch, 2);
  g_assert_cmpint (match->new_page, ==, 1);
  g_assert_cmpint (match->reason, ==, IR_DRAWING_MATCH_ORDER);
  match = &g_array_index (matches, IrDrawingPageMatch, 3);
  g_assert_cmpint (match->old_page, ==, -1);
  g_assert_cmpint (match->new_page, ==, 2);
  g_assert_cmpint (match->reason, ==, IR_DRAWING_MATCH_NONE);
}

/* ------------------------------------------------------------------------ */
/* Masks                                                                    */
/* ------------------------------------------------------------------------ */

static void
set_bit (IrDrawingMask *mask,
         int            x,
         int            y)
{
  mask->bits[(gsize) y * mask->stride + x / 64] |= G_GUINT64_CONSTANT (1) << (x % 64);
}

/* Bits cross word boundaries when a mask is moved or grown. */
static void
test_mask_operations (void)
{
  g_autoptr(IrDrawingMask) mask = ir_drawing_mask_new (150, 20);
  g_autoptr(IrDrawingMask) moved = NULL;
  g_autoptr(IrDrawingMask) grown = NULL;
  int bounds[4];

  set_bit (mask, 63, 5);
  set_bit (mask, 140, 10);

  moved = ir_drawing_mask_translate (mask, 2, -3, 150, 20);
  g_assert_true (ir_drawing_mask_get (moved, 65, 2));
  g_assert_true (ir_drawing_mask_get (moved, 142, 7));
  g_assert_false (ir_drawing_mask_get (moved, 63, 5));
  g_assert_cmpuint (ir_drawing_mask_count (moved), ==, 2);

  /* Moved past the right edge, a pixel is gone rather than wrapped. */
  g_clear_pointer (&moved, ir_drawing_mask_free);
  moved = ir_drawing_mask_translate (mask, 20, 0, 150, 20);
  g_assert_cmpuint (ir_drawing_mask_count (moved), ==, 1);

  grown = ir_drawing_mask_dilate (mask, 1);
  g_assert_cmpuint (ir_drawing_mask_count (grown), ==, 18);
  g_assert_true (ir_drawing_mask_get (grown, 64, 6));
  g_assert_true (ir_drawing_mask_get (grown, 62, 4));
  g_assert_false (ir_drawing_mask_get (grown, 65, 5));

  g_assert_true (ir_drawing_mask_bounds (mask, 0, 0, 150, 20, bounds));
  g_assert_cmpint (bounds[0], ==, 63);
  g_assert_cmpint (bounds[1], ==, 5);
  g_assert_cmpint (bounds[2], ==, 141);
  g_assert_cmpint (bounds[3], ==, 11);
  g_assert_false (ir_drawing_mask_bounds (mask, 0, 0, 60, 20, bounds));

  ir_drawing_mask_clear_rect (mask, 130, 0, 20, 20);
  g_assert_cmpuint (ir_drawing_mask_count (mask), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);

  directory = g_dir_make_tmp ("ironroom-test-compare-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/compare/identical", test_identical);
  g_test_add_func ("/compare/dimension-changed", test_dimension_changed);
  g_test_add_func ("/compare/hole-added", test_hole_added);
  g_test_add_func ("/compare/hole-removed", test_hole_removed);
  g_test_add_func ("/compare/view-moved", test_view_moved);
  g_test_add_func ("/compare/ignore-regions", test_ignore_regions);
  g_test_add_func ("/compare/sheet-moved", test_sheet_moved);
  g_test_add_func ("/compare/auto-align-still", test_auto_align_still);
  g_test_add_func ("/compare/no-text-layer", test_no_text_layer);
  g_test_add_func ("/compare/overlay", test_overlay);
  g_test_add_func ("/compare/match-reordered", test_match_reordered_sheets);
  g_test_add_func ("/compare/match-fallbacks", test_match_fallbacks);
  g_test_add_func ("/compare/mask-operations", test_mask_operations);

  status = g_test_run ();

  dir = g_dir_open (directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
  g_free (directory);

  return status;
}
