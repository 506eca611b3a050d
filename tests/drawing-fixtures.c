/* drawing-fixtures.c: generated PDFs with known differences for the tests
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "drawing-fixtures.h"
#include "ir-drafting-sheet.h"

#define MM (72 / 25.4)

/* The plate's width dimension text: centred over the plate, its baseline
 * 1 mm above a dimension line 10 mm above the plate's top edge. */
#define PLATE_TEXT_X 120.0
#define PLATE_TEXT_BASELINE 69.0
#define TEXT_HEIGHT 3.5

#define HOLE_X 160.0
#define HOLE_Y 125.0
#define HOLE_RADIUS 5.0

#define FLANGE_X 300.0
#define FLANGE_Y 110.0
#define FLANGE_MOVE 3.0

/* ------------------------------------------------------------------------ */
/* Drawing                                                                  */
/* ------------------------------------------------------------------------ */

static void
draw_flange_view (IrDraft *draft,
                  double   cx,
                  double   cy)
{
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  ir_draft_circle (draft, cx, cy, 25);
  ir_draft_circle (draft, cx, cy, 10);
  for (int i = 0; i < 4; i++)
    {
      double angle = G_PI / 4 + i * G_PI / 2;

      ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
      ir_draft_circle (draft, cx + 18 * cos (angle), cy + 18 * sin (angle), 3);
    }
  ir_draft_center_mark (draft, cx, cy, 30);
  ir_draft_text (draft, cx, cy + 40, 5, IR_DRAFT_ALIGN_CENTER, "DETAIL B");
}

static void
draw_sheet (IrDraft        *draft,
            FixtureVariant  variant,
            int             sheet,
            int             n_sheets)
{
  IrDraftRevision revision = { "A", "First issue", "2026-11-02", "ZW", "WQ" };
  IrDraftSheet frame = {
    .width = IR_DRAFT_A3_WIDTH,
    .height = IR_DRAFT_A3_HEIGHT,
    .english = TRUE,
    .company = "Fixture Works",
    .title = n_sheets > 1 ? "Test assembly" : "Test plate",
    .number = n_sheets > 1 ? "FX-200-001" : "FX-100-001",
    .material = "Q235",
    .scale = "1:1",
    .weight = "1.2 kg",
    .revision = "A",
    .sheet = sheet,
    .n_sheets = n_sheets,
    .names = { "Zhang Wei", "Li Ming", "Wang Qiang", "Zhao Min" },
    .dates = { "2026-11-01", "2026-11-02", "2026-11-02", "2026-11-02" },
    .revisions = &revision,
    .n_revisions = 1,
  };

  ir_draft_sheet_draw (draft, &frame);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  ir_draft_rect (draft, 60, 80, 120, 60);
  ir_draft_circle (draft, 120, 110, 15);
  ir_draft_center_mark (draft, 120, 110, 22);
  ir_draft_dimension (draft, 60, 80, 180, 80, 10,
                      variant == FIXTURE_DIMENSION ? "125" : "120", NULL);
  ir_draft_dimension (draft, 60, 140, 60, 80, 10, "60", NULL);
  ir_draft_diameter (draft, 120, 110, 15, -G_PI / 4, "Ø30");
  ir_draft_text (draft, 120, 165, 5, IR_DRAFT_ALIGN_CENTER, "PLATE");

  if (variant == FIXTURE_HOLE)
    {
      ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
      ir_draft_circle (draft, HOLE_X, HOLE_Y, HOLE_RADIUS);
      ir_draft_center_mark (draft, HOLE_X, HOLE_Y, HOLE_RADIUS + 2);
    }

  draw_flange_view (draft, FLANGE_X + (variant == FIXTURE_VIEW_MOVED ? FLANGE_MOVE : 0),
                    FLANGE_Y);

  /* Each sheet of a set draws a different number of marks, so that pages
   * differ in their pixels as well as in their sheet numbers. */
  for (int i = 0; i < sheet; i++)
    {
      ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
      ir_draft_rect (draft, 60 + i * 20, 200, 12, 12);
    }

  ir_draft_text (draft, 40, 250, 3.5, IR_DRAFT_ALIGN_LEFT, "NOTE: BREAK ALL SHARP EDGES");
}

static char *
write_pdf (const char     *directory,
           const char     *name,
           FixtureVariant  variant,
           const int      *sheets,
           int             n_sheets)
{
  char *path = g_build_filename (directory, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, IR_DRAFT_A3_WIDTH * MM,
                                                       IR_DRAFT_A3_HEIGHT * MM);
  cairo_t *cr = cairo_create (surface);

  for (int i = 0; i < n_sheets; i++)
    {
      IrDraft draft;

      cairo_save (cr);
      if (variant == FIXTURE_SHEET_MOVED)
        cairo_translate (cr, FIXTURE_SHEET_DX, FIXTURE_SHEET_DY);
      ir_draft_init (&draft, cr);
      draw_sheet (&draft, variant, sheets[i], n_sheets > 1 ? n_sheets : 1);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

/* Draws the base sheet as a picture without a text layer, the way scanned
 * or raster-exported drawings come. */
static char *
write_raster (const char *directory)
{
  g_autofree char *base_path = write_pdf (directory, "raster-source.pdf", FIXTURE_BASE,
                                          (const int[]) { 1 }, 1);
  g_autoptr(IrPdf) base = ir_pdf_new_from_file (base_path, 0, NULL, NULL);
  cairo_surface_t *picture = ir_pdf_render_page (base, 0, 300.0 / 72, NULL, NULL);
  char *path = g_build_filename (directory, "no-text.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, IR_DRAFT_A3_WIDTH * MM,
                                                       IR_DRAFT_A3_HEIGHT * MM);
  cairo_t *cr = cairo_create (surface);

  g_assert_nonnull (picture);
  cairo_scale (cr, 72.0 / 300, 72.0 / 300);
  cairo_set_source_surface (cr, picture, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (picture);

  return path;
}

/**
 * fixture_write_sheet:
 * @directory: where to write
 * @variant: which variant of the base sheet
 *
 * Returns: the path of a one-page A3 PDF
 */
char *
fixture_write_sheet (const char     *directory,
                     FixtureVariant  variant)
{
  static const char * const names[] = {
    "base.pdf", "dimension.pdf", "hole.pdf", "view-moved.pdf", "sheet-moved.pdf",
  };

  if (variant == FIXTURE_NO_TEXT)
    return write_raster (directory);

  return write_pdf (directory, names[variant], variant, (const int[]) { 1 }, 1);
}

/* Writes a set of sheets of drawing FX-200-001, one page per entry of
 * @sheets, which gives each page's sheet number. */
char *
fixture_write_sheets (const char *directory,
                      const char *name,
                      const int  *sheets,
                      int         n_sheets)
{
  return write_pdf (directory, name, FIXTURE_BASE, sheets, n_sheets);
}

/* ------------------------------------------------------------------------ */
/* Known changes                                                            */
/* ------------------------------------------------------------------------ */

static IrPdfRect
rect_mm (double x0,
         double y0,
         double x1,
         double y1)
{
  IrPdfRect rect = { x0 * MM, y0 * MM, (x1 - x0) * MM, (y1 - y0) * MM };

  return rect;
}

static double
text_width (double      height,
            const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  IrDraft draft;
  double width;

  ir_draft_init (&draft, cr);
  width = ir_draft_text_width (&draft, height, text);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  return width;
}

/* Returns the area of the hole that FIXTURE_HOLE adds, with its centre
 * lines, in points. */
IrPdfRect
fixture_get_hole_area (void)
{
  double reach = HOLE_RADIUS + 2;

  return rect_mm (HOLE_X - reach, HOLE_Y - reach, HOLE_X + reach, HOLE_Y + reach);
}

/**
 * fixture_get_changes:
 * @variant: a variant of the base sheet
 *
 * Returns: (element-type IrPdfRect): the areas, in points, where @variant
 *   differs from the base sheet. The list is empty for the base, and for a
 *   moved sheet, which differs everywhere.
 */
GArray *
fixture_get_changes (FixtureVariant variant)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (IrPdfRect));
  IrPdfRect area;

  switch (variant)
    {
    case FIXTURE_DIMENSION:
      {
        double half = MAX (text_width (TEXT_HEIGHT, "120"), text_width (TEXT_HEIGHT, "125")) / 2;

        area = rect_mm (PLATE_TEXT_X - half, PLATE_TEXT_BASELINE - TEXT_HEIGHT,
                        PLATE_TEXT_X + half, PLATE_TEXT_BASELINE);
        g_array_append_val (changes, area);
      }
      break;

    case FIXTURE_HOLE:
      area = fixture_get_hole_area ();
      g_array_append_val (changes, area);
      break;

    case FIXTURE_VIEW_MOVED:
      /* The view with its centre lines, and its label under it. */
      area = rect_mm (FLANGE_X - 30, FLANGE_Y - 30, FLANGE_X + FLANGE_MOVE + 30, FLANGE_Y + 30);
      g_array_append_val (changes, area);
      area = rect_mm (FLANGE_X - 10, FLANGE_Y + 36, FLANGE_X + FLANGE_MOVE + 10, FLANGE_Y + 40);
      g_array_append_val (changes, area);
      break;

    case FIXTURE_BASE:
    case FIXTURE_SHEET_MOVED:
    case FIXTURE_NO_TEXT:
    default:
      break;
    }

  return changes;
}

/* ------------------------------------------------------------------------ */
/* Hand-written PDFs                                                        */
/* ------------------------------------------------------------------------ */

/* Assembles a PDF from object bodies numbered from 1, with a correct
 * cross-reference table, and writes it. */
char *
fixture_write_objects (const char  *directory,
                       const char  *name,
                       GBytes     **objects,
                       guint        n_objects,
                       const char  *trailer_extra)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autofree gsize *offsets = g_new (gsize, n_objects + 1);
  static const char header[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  char *path = g_build_filename (directory, name, NULL);

  g_byte_array_append (pdf, (const guint8 *) header, strlen (header));
  for (guint i = 0; i < n_objects; i++)
    {
      g_autofree char *start = g_strdup_printf ("%u 0 obj\n", i + 1);
      gsize length;
      const guint8 *body = g_bytes_get_data (objects[i], &length);

      offsets[i] = pdf->len;
      g_byte_array_append (pdf, (const guint8 *) start, strlen (start));
      g_byte_array_append (pdf, body, length);
      g_byte_array_append (pdf, (const guint8 *) "\nendobj\n", 8);
    }

  g_string_append_printf (tail, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < n_objects; i++)
    g_string_append_printf (tail, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (tail, "trailer\n<< /Size %u /Root 1 0 R %s>>\nstartxref\n%u\n%%%%EOF\n",
                          n_objects + 1, trailer_extra ? trailer_extra : "", pdf->len);
  g_byte_array_append (pdf, (const guint8 *) tail->str, tail->len);

  g_assert_true (g_file_set_contents (path, (const char *) pdf->data, pdf->len, NULL));

  return path;
}

static GBytes *
text_object (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
stream_object (const guint8 *data,
               gsize         length)
{
  g_autofree char *head = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n", length);
  GByteArray *body = g_byte_array_new ();

  g_byte_array_append (body, (const guint8 *) head, strlen (head));
  g_byte_array_append (body, data, length);
  g_byte_array_append (body, (const guint8 *) "\nendstream", 10);

  return g_byte_array_free_to_bytes (body);
}

/* A well-formed document whose page tree is empty. */
char *
fixture_write_zero_pages (const char *directory)
{
  GBytes *objects[] = {
    text_object ("<< /Type /Catalog /Pages 2 0 R >>"),
    text_object ("<< /Type /Pages /Kids [] /Count 0 >>"),
  };
  char *path = fixture_write_objects (directory, "zero-pages.pdf", objects, 2, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_bytes_unref (objects[i]);

  return path;
}

/* A page 600 × 800 points with /Rotate 90: a line from (100, 100) to
 * (200, 100) and the word "ROT" at (100, 700), in PDF space. */
char *
fixture_write_rotated (const char *directory)
{
  static const char content[] = "BT /F1 24 Tf 100 700 Td (ROT) Tj ET 4 w 100 100 m 200 100 l S";
  GBytes *objects[] = {
    text_object ("<< /Type /Catalog /Pages 2 0 R >>"),
    text_object ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    text_object ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Rotate 90 "
                 "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
    stream_object ((const guint8 *) content, strlen (content)),
    text_object ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  };
  char *path = fixture_write_objects (directory, "rotated.pdf", objects, 5, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_bytes_unref (objects[i]);

  return path;
}

char *
fixture_write_bytes (const char *directory,
                     const char *name,
                     const void *data,
                     gsize       length)
{
  char *path = g_build_filename (directory, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));

  return path;
}
