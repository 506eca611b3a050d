/* test-demo-drawings.c: the demo room's drawings and what revision B changes
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "ir-demo-drawings.h"
#include "ir-drawing-compare.h"
#include "ir-pdf.h"

static IrPdf *
open_demo (IrDemoDrawing which,
           char          revision,
           gboolean      english)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GDate today;
  IrPdf *pdf;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, G_DATE_DECEMBER, 2026);
  bytes = ir_demo_drawing_to_bytes (which, revision, english, &today, &error);
  g_assert_no_error (error);

  pdf = ir_pdf_new_from_bytes (bytes, "demo.pdf", IR_PDF_DEFAULT_MAX_SIZE, &error);
  g_assert_no_error (error);

  return pdf;
}

static IrDrawingCompare *
compare_revisions (IrDemoDrawing which,
                   gboolean      english)
{
  g_autoptr(IrPdf) old_pdf = open_demo (which, 'A', english);
  g_autoptr(IrPdf) new_pdf = open_demo (which, 'B', english);
  g_autoptr(GError) error = NULL;
  IrDrawingCompareOptions options;
  IrDrawingCompare *compare;

  ir_drawing_compare_options_init (&options);
  compare = ir_drawing_compare_new_from_pages (old_pdf, 0, new_pdf, 0, &options, NULL, &error);
  g_assert_no_error (error);

  return compare;
}

static const IrDrawingTextChange *
find_change (IrDrawingCompare *compare,
             const char       *old_text,
             const char       *new_text)
{
  GPtrArray *changes = ir_drawing_compare_get_text_changes (compare);

  for (guint i = 0; i < changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->old_text, old_text) == 0 &&
          (new_text == NULL || g_strcmp0 (change->new_text, new_text) == 0))
        return change;
      if (old_text == NULL && change->kind == IR_DRAWING_TEXT_ADDED &&
          strstr (change->new_text, new_text) != NULL)
        return change;
    }

  return NULL;
}

static void
assert_changed (IrDrawingCompare *compare,
                const char       *old_text,
                const char       *new_text)
{
  const IrDrawingTextChange *change = find_change (compare, old_text, new_text);
  GArray *regions = ir_drawing_compare_get_regions (compare);
  gboolean covered = FALSE;

  if (change == NULL)
    g_test_message ("no text change “%s” → “%s”", old_text, new_text);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, old_text != NULL ? IR_DRAWING_TEXT_CHANGED
                                                      : IR_DRAWING_TEXT_ADDED);

  for (guint i = 0; i < regions->len && !covered; i++)
    covered = ir_pdf_rect_intersects (&g_array_index (regions, IrDrawingRegion, i).box,
                                      &change->new_box);
  g_assert_true (covered);
}

static void
test_open_all (void)
{
  for (IrDemoDrawing which = 0; which < IR_DEMO_N_DRAWINGS; which++)
    for (int english = 0; english <= 1; english++)
      for (const char *revision = ir_demo_drawing_get_info (which)->revisions; *revision; revision++)
        {
          g_autoptr(IrPdf) pdf = open_demo (which, *revision, english);
          g_autoptr(IrPdfSheetInfo) info = ir_pdf_get_sheet_info (pdf, 0);
          double width, height;

          g_assert_cmpint (ir_pdf_get_n_pages (pdf), ==, 1);
          g_assert_true (ir_pdf_get_page_size (pdf, 0, &width, &height));
          g_assert_cmpfloat (width, >, height);
          g_assert_cmpstr (info->number, ==, ir_demo_drawing_get_info (which)->number);
          g_assert_cmpstr (info->title, ==, english ? ir_demo_drawing_get_info (which)->title_en
                                                    : ir_demo_drawing_get_info (which)->title);
        }
}

/* The body is drawn on A1, the size the compare targets are set for. */
static void
test_body_sheet_size (void)
{
  g_autoptr(IrPdf) pdf = open_demo (IR_DEMO_DRAWING_BODY, 'A', FALSE);
  double width, height;

  g_assert_true (ir_pdf_get_page_size (pdf, 0, &width, &height));
  g_assert_cmpfloat_with_epsilon (width, 841 * 72 / 25.4, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 594 * 72 / 25.4, 0.5);
}

static void
test_body_changes (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_revisions (IR_DEMO_DRAWING_BODY, FALSE);

  g_assert_true (ir_drawing_compare_get_text_compared (compare));
  assert_changed (compare, "403", "410");
  assert_changed (compare, "Ø150", "Ø152");
  assert_changed (compare, "12×M20", "16×M20");
  assert_changed (compare, NULL, "NPT 1/2 排放孔");
  assert_changed (compare, NULL, "6. 排放孔螺纹 NPT 1/2，装丝堵。");
  assert_changed (compare, NULL, "2026-11-22");
}

static void
test_bonnet_changes (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_revisions (IR_DEMO_DRAWING_BONNET, TRUE);

  assert_changed (compare, "285", "295");
  assert_changed (compare, "12×Ø22", "16×Ø22");
  assert_changed (compare, "39.5", "41.0");
}

static void
test_english_body (void)
{
  g_autoptr(IrDrawingCompare) compare = compare_revisions (IR_DEMO_DRAWING_BODY, TRUE);

  assert_changed (compare, "403", "410");
  assert_changed (compare, NULL, "NPT 1/2 DRAIN");
}

/* Dates on the sheet count back from the day the demo is generated. */
static void
test_dates_relative (void)
{
  g_autoptr(IrPdf) pdf = open_demo (IR_DEMO_DRAWING_BODY, 'B', FALSE);
  g_autoptr(GPtrArray) words = ir_pdf_get_words (pdf, 0);
  gboolean revision_a = FALSE, revision_b = FALSE;

  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *word = g_ptr_array_index (words, i);

      revision_a |= g_str_equal (word->text, "2026-10-20");
      revision_b |= g_str_equal (word->text, "2026-11-22");
    }

  g_assert_true (revision_a);
  g_assert_true (revision_b);
}

static void
test_write_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_dir_make_tmp ("ironroom-test-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (directory, "body-b.pdf", NULL);
  g_autoptr(IrPdf) pdf = NULL;

  g_assert_true (ir_demo_drawing_write (IR_DEMO_DRAWING_BODY, 'B', FALSE, NULL, path, &error));
  g_assert_no_error (error);

  pdf = ir_pdf_new_from_file (path, IR_PDF_DEFAULT_MAX_SIZE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ir_pdf_get_n_pages (pdf), ==, 1);

  g_remove (path);
  g_rmdir (directory);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-drawings/open-all", test_open_all);
  g_test_add_func ("/demo-drawings/body-sheet-size", test_body_sheet_size);
  g_test_add_func ("/demo-drawings/body-changes", test_body_changes);
  g_test_add_func ("/demo-drawings/bonnet-changes", test_bonnet_changes);
  g_test_add_func ("/demo-drawings/english-body", test_english_body);
  g_test_add_func ("/demo-drawings/dates-relative", test_dates_relative);
  g_test_add_func ("/demo-drawings/write-file", test_write_file);

  return g_test_run ();
}
