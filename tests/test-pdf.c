/* test-pdf.c: opening, rendering and reading the text of PDF drawings
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "drawing-fixtures.h"
#include "ir-demo-drawings.h"
#include "ir-pdf.h"

#define A3_WIDTH_PT (420 * 72 / 25.4)
#define A3_HEIGHT_PT (297 * 72 / 25.4)

static char *directory;

static IrPdf *
open_fixture (FixtureVariant variant)
{
  g_autofree char *path = fixture_write_sheet (directory, variant);
  g_autoptr(GError) error = NULL;
  IrPdf *pdf = ir_pdf_new_from_file (path, IR_PDF_DEFAULT_MAX_SIZE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);

  return pdf;
}

static void
assert_rejected (const char *path,
                 guint64     max_size,
                 int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrPdf) pdf = ir_pdf_new_from_file (path, max_size, NULL, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_null (pdf);
  g_assert_error (error, IR_PDF_ERROR, code);
  g_assert_nonnull (strstr (error->message, name));
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *) (data + (gsize) y * stride))[x];
}

static gboolean
is_dark (guint32 pixel)
{
  return ((pixel >> 16) & 0xff) < 128 && ((pixel >> 8) & 0xff) < 128 && (pixel & 0xff) < 128;
}

static const IrPdfWord *
find_word (GPtrArray  *words,
           const char *text)
{
  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *word = g_ptr_array_index (words, i);

      if (g_str_equal (word->text, text))
        return word;
    }

  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */
/* ------------------------------------------------------------------------ */

static void
test_open_valid (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  double width, height;

  g_assert_cmpint (ir_pdf_get_n_pages (pdf), ==, 1);
  g_assert_true (ir_pdf_get_page_size (pdf, 0, &width, &height));
  g_assert_cmpfloat_with_epsilon (width, A3_WIDTH_PT, 0.5);
  g_assert_cmpfloat_with_epsilon (height, A3_HEIGHT_PT, 0.5);
  g_assert_false (ir_pdf_get_page_size (pdf, 1, &width, &height));
  g_assert_cmpstr (ir_pdf_get_name (pdf), ==, "base.pdf");
}

static void
test_open_empty (void)
{
  g_autofree char *path = fixture_write_bytes (directory, "empty.pdf", "", 0);

  assert_rejected (path, IR_PDF_DEFAULT_MAX_SIZE, IR_PDF_ERROR_EMPTY);
}

static void
test_open_not_pdf (void)
{
  static const char text[] = "Dear customer, the drawing follows in the next mail.\n";
  g_autofree char *path = fixture_write_bytes (directory, "letter.pdf", text, strlen (text));

  assert_rejected (path, IR_PDF_DEFAULT_MAX_SIZE, IR_PDF_ERROR_NOT_PDF);
}

static void
test_open_damaged (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autofree char *path = NULL;

  g_byte_array_append (data, (const guint8 *) "%PDF-1.5\n", 9);
  for (int i = 0; i < 4096; i++)
    {
      guint8 byte = g_rand_int_range (rand, 0, 256);

      g_byte_array_append (data, &byte, 1);
    }
  path = fixture_write_bytes (directory, "garbled.pdf", data->data, data->len);

  assert_rejected (path, IR_PDF_DEFAULT_MAX_SIZE, IR_PDF_ERROR_DAMAGED);
}

/* Poppler repairs what it can of a cut-off file. What it cannot repair must
 * be rejected as damaged, not crash or show an empty page. */
static void
test_open_truncated (void)
{
  g_autofree char *source = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrPdf) pdf = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  path = fixture_write_bytes (directory, "truncated.pdf", contents, length / 3);

  pdf = ir_pdf_new_from_file (path, IR_PDF_DEFAULT_MAX_SIZE, NULL, &error);
  if (pdf == NULL)
    g_assert_error (error, IR_PDF_ERROR, IR_PDF_ERROR_DAMAGED);
  else
    g_assert_cmpint (ir_pdf_get_n_pages (pdf), >=, 1);
}

static void
test_open_encrypted (void)
{
  g_autofree char *path = fixture_write_encrypted (directory, "secret");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  g_autoptr(GError) error = NULL;
  gsize length;

  assert_rejected (path, IR_PDF_DEFAULT_MAX_SIZE, IR_PDF_ERROR_ENCRYPTED);

  /* The fixture is a valid encrypted file, not a damaged one: the right
   * password opens it. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  document = poppler_document_new_from_bytes (bytes, "secret", &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_object_unref (document);
}

static void
test_open_too_large (void)
{
  g_autofree char *path = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrPdf) pdf = NULL;
  gsize length;

  assert_rejected (path, 1000, IR_PDF_ERROR_TOO_LARGE);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  pdf = ir_pdf_new_from_bytes (bytes, "base.pdf", length - 1, &error);
  g_assert_null (pdf);
  g_assert_error (error, IR_PDF_ERROR, IR_PDF_ERROR_TOO_LARGE);
  g_clear_error (&error);

  pdf = ir_pdf_new_from_bytes (bytes, "base.pdf", length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
}

static void
test_open_zero_pages (void)
{
  g_autofree char *path = fixture_write_zero_pages (directory);

  assert_rejected (path, IR_PDF_DEFAULT_MAX_SIZE, IR_PDF_ERROR_NO_PAGES);
}

static void
test_open_missing (void)
{
  g_autofree char *path = g_build_filename (directory, "missing.pdf", NULL);

  assert_rejected (path, IR_PDF_DEFAULT_MAX_SIZE, IR_PDF_ERROR_READ);
}

/* ------------------------------------------------------------------------ */
/* Rendering                                                                */
/* ------------------------------------------------------------------------ */

static void
test_render_page (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  g_autoptr(GError) error = NULL;
  double scale = 150.0 / 72;
  cairo_surface_t *surface = ir_pdf_render_page (pdf, 0, scale, NULL, &error);
  int frame_x = (int) round (20 * 72 / 25.4 * scale);
  int middle_y = (int) (148 * 72 / 25.4 * scale);

  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (A3_WIDTH_PT * scale - 1e-6));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (A3_HEIGHT_PT * scale - 1e-6));
  g_assert_cmphex (pixel_at (surface, 2, 2), ==, 0xffffffff);
  g_assert_true (is_dark (pixel_at (surface, frame_x, middle_y)) ||
                 is_dark (pixel_at (surface, frame_x - 1, middle_y)) ||
                 is_dark (pixel_at (surface, frame_x + 1, middle_y)));

  cairo_surface_destroy (surface);
}

static void
test_render_region (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  IrPdfRect region = { 150, 200, 300, 150 };
  cairo_surface_t *page = ir_pdf_render_page (pdf, 0, 2, NULL, NULL);
  cairo_surface_t *tile = ir_pdf_render_region (pdf, 0, 2, &region, NULL, NULL);
  guint differing = 0;
  guint dark = 0;

  g_assert_cmpint (cairo_image_surface_get_width (tile), ==, 600);
  g_assert_cmpint (cairo_image_surface_get_height (tile), ==, 300);

  for (int y = 0; y < 300; y++)
    for (int x = 0; x < 600; x++)
      {
        guint32 a = pixel_at (tile, x, y);
        guint32 b = pixel_at (page, x + 300, y + 400);

        if (ABS ((int) (a & 0xff) - (int) (b & 0xff)) > 16)
          differing++;
        if (is_dark (a))
          dark++;
      }

  g_assert_cmpuint (dark, >, 100);
  g_assert_cmpuint (differing, <, 600 * 300 / 1000);

  cairo_surface_destroy (page);
  cairo_surface_destroy (tile);
}

/* The fixture's page is 600 × 800 points turned by /Rotate 90: a line from
 * (100, 100) to (200, 100) in PDF space appears vertical at x = 100, and the
 * word at (100, 700) near the right edge at the top. */
static void
test_render_rotated (void)
{
  g_autofree char *path = fixture_write_rotated (directory);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrPdf) pdf = ir_pdf_new_from_file (path, 0, NULL, &error);
  g_autoptr(GPtrArray) words = NULL;
  cairo_surface_t *surface;
  const IrPdfWord *word;
  double width, height;

  g_assert_no_error (error);
  g_assert_true (ir_pdf_get_page_size (pdf, 0, &width, &height));
  g_assert_cmpfloat_with_epsilon (width, 800, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 600, 0.01);

  surface = ir_pdf_render_page (pdf, 0, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 600);
  g_assert_true (is_dark (pixel_at (surface, 100, 150)));
  g_assert_false (is_dark (pixel_at (surface, 150, 100)));
  cairo_surface_destroy (surface);

  words = ir_pdf_get_words (pdf, 0);
  word = find_word (words, "ROT");
  g_assert_nonnull (word);
  g_assert_cmpfloat (word->box.x, >, 690);
  g_assert_cmpfloat (word->box.x + word->box.width, <, 735);
  g_assert_cmpfloat (word->box.y, >, 95);
  g_assert_cmpfloat (word->box.y + word->box.height, <, 160);
}

static void
test_render_cancelled (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;

  g_cancellable_cancel (cancellable);
  surface = ir_pdf_render_page (pdf, 0, 1, cancellable, &error);

  g_assert_null (surface);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_render_bad_page (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = ir_pdf_render_page (pdf, 3, 1, NULL, &error);

  g_assert_null (surface);
  g_assert_error (error, IR_PDF_ERROR, IR_PDF_ERROR_PAGE);
}

static gpointer
render_in_thread (gpointer data)
{
  return ir_pdf_render_page (data, 0, 1.5, NULL, NULL);
}

/* Renders from worker threads while the main thread renders too: every
 * render must succeed and give the same pixels. */
static void
test_render_threads (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_DIMENSION);
  GThread *threads[3];
  cairo_surface_t *reference = ir_pdf_render_page (pdf, 0, 1.5, NULL, NULL);
  gsize size = (gsize) cairo_image_surface_get_stride (reference) *
               cairo_image_surface_get_height (reference);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("render", render_in_thread, pdf);

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      cairo_surface_t *surface = g_thread_join (threads[i]);

      g_assert_nonnull (surface);
      g_assert_cmpint (memcmp (cairo_image_surface_get_data (surface),
                               cairo_image_surface_get_data (reference), size), ==, 0);
      cairo_surface_destroy (surface);
    }

  cairo_surface_destroy (reference);
}

static void
test_render_preview (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = ir_pdf_render_preview (pdf, 0, IR_PDF_PREVIEW_SIZE, NULL, &error);
  cairo_surface_t *surface;

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 4, "\x89PNG", 4);

  surface = ir_pdf_preview_load (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, IR_PDF_PREVIEW_SIZE);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==,
                   (int) ceil (IR_PDF_PREVIEW_SIZE * 297.0 / 420 - 1e-6));
  cairo_surface_destroy (surface);
}

static void
test_preview_load_invalid (void)
{
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a picture", 13);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = ir_pdf_preview_load (junk, &error);

  g_assert_null (surface);
  g_assert_error (error, IR_PDF_ERROR, IR_PDF_ERROR_RENDER);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */
/* ------------------------------------------------------------------------ */

static void
test_text_words (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  g_autoptr(GPtrArray) words = ir_pdf_get_words (pdf, 0);
  const IrPdfWord *width = find_word (words, "120");
  const IrPdfWord *height = find_word (words, "60");
  double mm = 72 / 25.4;

  g_assert_nonnull (find_word (words, "PLATE"));
  g_assert_nonnull (find_word (words, "FX-100-001"));
  g_assert_nonnull (find_word (words, "Ø30"));

  /* "120" sits centred over the plate, 11 mm above its top edge. */
  g_assert_nonnull (width);
  g_assert_cmpfloat (fabs (width->box.x + width->box.width / 2 - 120 * mm), <, 2);
  g_assert_cmpfloat (width->box.y, <, 69 * mm);
  g_assert_cmpfloat (width->box.y + width->box.height, >, 66 * mm);
  g_assert_cmpfloat (width->font_size, >, 0);

  /* "60" runs up the page left of the plate, whose left edge is at 60 mm. */
  g_assert_nonnull (height);
  g_assert_cmpfloat (height->box.height, >, height->box.width * 0.5);
  g_assert_cmpfloat (height->box.x, >, 40 * mm);
  g_assert_cmpfloat (height->box.x + height->box.width, <, 60 * mm);
}

static void
test_text_no_layer (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_NO_TEXT);
  g_autoptr(GPtrArray) words = ir_pdf_get_words (pdf, 0);

  g_assert_cmpuint (words->len, ==, 0);
}

static void
test_sheet_info_fixture (void)
{
  g_autoptr(IrPdf) pdf = open_fixture (FIXTURE_BASE);
  g_autoptr(IrPdfSheetInfo) info = ir_pdf_get_sheet_info (pdf, 0);

  g_assert_cmpstr (info->number, ==, "FX-100-001");
  g_assert_cmpstr (info->title, ==, "Test plate");
  g_assert_cmpint (info->sheet, ==, 1);
  g_assert_cmpint (info->n_sheets, ==, 1);
}

static void
test_sheet_info_demo (void)
{
  for (int english = 0; english <= 1; english++)
    {
      g_autoptr(GBytes) bytes = ir_demo_drawing_to_bytes (IR_DEMO_DRAWING_BONNET, 'B',
                                                          english, NULL, NULL);
      g_autoptr(IrPdf) pdf = ir_pdf_new_from_bytes (bytes, "bonnet.pdf", 0, NULL);
      g_autoptr(IrPdfSheetInfo) info = ir_pdf_get_sheet_info (pdf, 0);

      g_assert_cmpstr (info->number, ==, "FV-150-002");
      g_assert_cmpstr (info->title, ==, english ? "Gate valve bonnet DN150 PN40"
                                                : "闸阀阀盖 DN150 PN40");
      g_assert_cmpint (info->sheet, ==, 1);
      g_assert_cmpint (info->n_sheets, ==, 1);
    }
}

static GPtrArray *
words_from (const char * const *texts)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_pdf_word_free);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      IrPdfWord *word = g_new0 (IrPdfWord, 1);

      word->text = g_strdup (texts[i]);
      word->box = (IrPdfRect) { 10 + 30 * i, 10, 25, 10 };
      word->font_size = 10;
      g_ptr_array_add (words, word);
    }

  return words;
}

static void
test_sheet_info_patterns (void)
{
  const struct
  {
    const char *words[8];
    int         sheet;
    int         n_sheets;
  } cases[] = {
    { { "第", "2", "页", "共", "3", "页", NULL }, 2, 3 },
    { { "共", "3", "张", "第", "2", "张", NULL }, 2, 3 },
    { { "Sheet", "2", "of", "3", NULL }, 2, 3 },
    { { "SHEET", "2/3", NULL }, 2, 3 },
    { { "SCALE", "1:2", NULL }, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) words = words_from (cases[i].words);
      g_autoptr(IrPdfSheetInfo) info = ir_pdf_sheet_info_guess (words, 1000, 700);

      g_assert_cmpint (info->sheet, ==, cases[i].sheet);
      g_assert_cmpint (info->n_sheets, ==, cases[i].n_sheets);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  directory = g_dir_make_tmp ("ironroom-test-pdf-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/pdf/open/valid", test_open_valid);
  g_test_add_func ("/pdf/open/empty", test_open_empty);
  g_test_add_func ("/pdf/open/not-pdf", test_open_not_pdf);
  g_test_add_func ("/pdf/open/damaged", test_open_damaged);
  g_test_add_func ("/pdf/open/truncated", test_open_truncated);
  g_test_add_func ("/pdf/open/encrypted", test_open_encrypted);
  g_test_add_func ("/pdf/open/too-large", test_open_too_large);
  g_test_add_func ("/pdf/open/zero-pages", test_open_zero_pages);
  g_test_add_func ("/pdf/open/missing", test_open_missing);
  g_test_add_func ("/pdf/render/page", test_render_page);
  g_test_add_func ("/pdf/render/region", test_render_region);
  g_test_add_func ("/pdf/render/rotated", test_render_rotated);
  g_test_add_func ("/pdf/render/cancelled", test_render_cancelled);
  g_test_add_func ("/pdf/render/bad-page", test_render_bad_page);
  g_test_add_func ("/pdf/render/threads", test_render_threads);
  g_test_add_func ("/pdf/render/preview", test_render_preview);
  g_test_add_func ("/pdf/render/preview-invalid", test_preview_load_invalid);
  g_test_add_func ("/pdf/text/words", test_text_words);
  g_test_add_func ("/pdf/text/no-layer", test_text_no_layer);
  g_test_add_func ("/pdf/sheet/fixture", test_sheet_info_fixture);
  g_test_add_func ("/pdf/sheet/demo", test_sheet_info_demo);
  g_test_add_func ("/pdf/sheet/patterns", test_sheet_info_patterns);

  status = g_test_run ();

  /* The fixtures are regenerated on every run. */
  {
    g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);

        g_unlink (path);
      }
    g_rmdir (directory);
  }
  g_free (directory);

  return status;
}
