/* bench-compare.c: rendering and comparing two A1 sheets at 150 dpi
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ir-demo-drawings.h"
#include "ir-drawing-compare.h"
#include "ir-pdf.h"

/* Each figure is the median of this many runs, as the targets ask. */
#define RUNS 7
#define DPI 150.0

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Returns the median wall-clock time of @func in milliseconds. */
static double
median_ms (BenchFunc func,
           gpointer  data)
{
  double times[RUNS];

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, RUNS, sizeof (double), compare_doubles);

  return times[RUNS / 2];
}

typedef struct
{
  IrPdf                   *old_pdf;
  IrPdf                   *new_pdf;
  cairo_surface_t         *old_render;
  cairo_surface_t         *new_render;
  GBytes                  *preview;
  IrDrawingCompareOptions  options;
} Bench;

static void
render_old (gpointer data)
{
  Bench *bench = data;

  cairo_surface_destroy (ir_pdf_render_page (bench->old_pdf, 0, DPI / 72, NULL, NULL));
}

static void
load_preview (gpointer data)
{
  Bench *bench = data;

  cairo_surface_destroy (ir_pdf_preview_load (bench->preview, NULL));
}

static void
make_preview (gpointer data)
{
  Bench *bench = data;

  g_bytes_unref (ir_pdf_render_preview (bench->old_pdf, 0, IR_PDF_PREVIEW_SIZE, NULL, NULL));
}

static void
compare_renders (gpointer data)
{
  Bench *bench = data;

  ir_drawing_compare_free (ir_drawing_compare_new_from_surfaces (bench->old_render,
                                                                 bench->new_render,
                                                                 DPI / 72, &bench->options));
}

static void
compare_pages (gpointer data)
{
  Bench *bench = data;

  ir_drawing_compare_free (ir_drawing_compare_new_from_pages (bench->old_pdf, 0,
                                                              bench->new_pdf, 0,
                                                              &bench->options, NULL, NULL));
}

static void
extract_words (gpointer data)
{
  Bench *bench = data;

  g_ptr_array_unref (ir_pdf_get_words (bench->old_pdf, 0));
  g_ptr_array_unref (ir_pdf_get_words (bench->new_pdf, 0));
}

static void
render_overlay (gpointer data)
{
  Bench *bench = data;
  IrDrawingCompare *compare = ir_drawing_compare_new_from_surfaces (bench->old_render,
                                                                    bench->new_render,
                                                                    DPI / 72, &bench->options);

  cairo_surface_destroy (ir_drawing_compare_render_overlay (compare, 0.35));
  ir_drawing_compare_free (compare);
}

static IrPdf *
open_demo (char revision)
{
  g_autoptr(GBytes) bytes = ir_demo_drawing_to_bytes (IR_DEMO_DRAWING_BODY, revision,
                                                      FALSE, NULL, NULL);
  g_autoptr(GError) error = NULL;
  IrPdf *pdf = ir_pdf_new_from_bytes (bytes, "body.pdf", IR_PDF_DEFAULT_MAX_SIZE, &error);

  if (pdf == NULL)
    g_error ("Could not open the demo drawing: %s", error->message);

  return pdf;
}

int
main (int    argc,
      char **argv)
{
  Bench bench = { 0 };
  struct rusage usage;
  gint64 start;
  double first_render, width, height;

  bench.old_pdf = open_demo ('A');
  bench.new_pdf = open_demo ('B');
  ir_drawing_compare_options_init (&bench.options);
  ir_pdf_get_page_size (bench.old_pdf, 0, &width, &height);

  printf ("Pair: demo drawing %s revisions A and B, %.0f × %.0f pt (A1), %.0f dpi, "
          "%u processors; medians of %d runs\n",
          ir_demo_drawing_get_info (IR_DEMO_DRAWING_BODY)->number, width, height, DPI,
          g_get_num_processors (), RUNS);

  start = g_get_monotonic_time ();
  bench.old_render = ir_pdf_render_page (bench.old_pdf, 0, DPI / 72, NULL, NULL);
  first_render = (g_get_monotonic_time () - start) / 1000.0;
  bench.new_render = ir_pdf_render_page (bench.new_pdf, 0, DPI / 72, NULL, NULL);
  bench.preview = ir_pdf_render_preview (bench.old_pdf, 0, IR_PDF_PREVIEW_SIZE, NULL, NULL);

  printf ("render size: %d × %d pixels\n",
          cairo_image_surface_get_width (bench.old_render),
          cairo_image_surface_get_height (bench.old_render));
  printf ("first picture from the stored preview (PNG %" G_GSIZE_FORMAT " KiB, decode): "
          "%.1f ms (target ≤ 100 ms)\n",
          g_bytes_get_size (bench.preview) / 1024, median_ms (load_preview, &bench));
  printf ("first full render beside it: %.1f ms\n", first_render);
  printf ("preview made at import: %.1f ms\n", median_ms (make_preview, &bench));
  printf ("render one page: %.1f ms (pdftoppm takes about 550 ms)\n",
          median_ms (render_old, &bench));
  printf ("compare, rendering excluded: %.1f ms (target ≤ 200 ms)\n",
          median_ms (compare_renders, &bench));
  printf ("text layers of both pages: %.1f ms\n", median_ms (extract_words, &bench));
  printf ("compare, rendering and text included: %.1f ms (target ≤ 1500 ms)\n",
          median_ms (compare_pages, &bench));
  printf ("compare and overlay image: %.1f ms\n", median_ms (render_overlay, &bench));

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak memory (max RSS): %.1f MB\n", usage.ru_maxrss / 1024.0);

  cairo_surface_destroy (bench.old_render);
  cairo_surface_destroy (bench.new_render);
  g_bytes_unref (bench.preview);
  g_object_unref (bench.old_pdf);
  g_object_unref (bench.new_pdf);

  return 0;
}
