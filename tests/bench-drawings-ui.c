/* bench-drawings-ui.c: how soon the drawing viewer shows an A1 sheet
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the demo's A1 body drawing in an IrPdfView in a window, the way
 * the drawings page opens a revision: decode the preview stored at import,
 * open the PDF, set both on the document model. Measures from there to the
 * end of the first frame painted with the preview, and to the first frame
 * with every visible tile rendered sharp. Prints medians of the runs
 * against TARGETS.md; needs a display (run through tools/with-display).
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "drawings/ir-pdf-view.h"
#include "ir-demo-drawings.h"
#include "ir-pdf.h"

#define N_RUNS 7

typedef struct
{
  IrPdfView *view;
  gint64     start;
  gint64     preview_at;
  gint64     sharp_at;
  gboolean   done;
} Run;

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  IrPdfPictureState state = ir_pdf_view_get_picture_state (run->view);
  gint64 now = g_get_monotonic_time ();

  if (run->preview_at == 0 && state != IR_PDF_PICTURE_NONE)
    run->preview_at = now;
  if (run->sharp_at == 0 && state == IR_PDF_PICTURE_SHARP)
    {
      run->sharp_at = now;
      run->done = TRUE;
    }
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a, tb = *(const gint64 *) b;

  return ta < tb ? -1 : ta > tb;
}

static double
median_ms (gint64 *times)
{
  qsort (times, N_RUNS, sizeof (gint64), compare_times);
  return times[N_RUNS / 2] / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autoptr(GBytes) preview = NULL;
  g_autoptr(IrPdf) probe = NULL;
  gint64 preview_times[N_RUNS], sharp_times[N_RUNS];
  double width, height;
  GDate today;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  if (!gtk_init_check ())
    {
      g_print ("bench-drawings-ui: no display; run it through tools/with-display\n");
      return 0;
    }
  adw_init ();

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 4, G_DATE_DECEMBER, 2026);
  pdf_bytes = ir_demo_drawing_to_bytes (IR_DEMO_DRAWING_BODY, 'B', TRUE, &today, &error);
  g_assert_no_error (error);
  probe = ir_pdf_new_from_bytes (pdf_bytes, "FV-150-001_B.pdf", IR_PDF_DEFAULT_MAX_SIZE, &error);
  g_assert_no_error (error);
  ir_pdf_get_page_size (probe, 0, &width, &height);
  preview = ir_pdf_render_preview (probe, 0, IR_PDF_PREVIEW_SIZE, NULL, &error);
  g_assert_no_error (error);

  for (int i = 0; i < N_RUNS; i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *scroller = gtk_scrolled_window_new ();
      g_autoptr(IrPdfDocumentModel) model = ir_pdf_document_model_new ();
      g_autoptr(IrPdf) pdf = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      GdkFrameClock *clock;
      Run run = { 0 };

      gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
      run.view = IR_PDF_VIEW (ir_pdf_view_new (model));
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (run.view));
      gtk_window_set_child (GTK_WINDOW (window), scroller);
      gtk_window_present (GTK_WINDOW (window));
      while (!gtk_widget_get_mapped (window))
        g_main_context_iteration (NULL, TRUE);

      clock = gtk_widget_get_frame_clock (window);
      g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &run);

      /* What the drawings page does to show a revision. */
      run.start = g_get_monotonic_time ();
      texture = gdk_texture_new_from_bytes (preview, &error);
      g_assert_no_error (error);
      pdf = ir_pdf_new_from_bytes (pdf_bytes, "FV-150-001_B.pdf", IR_PDF_DEFAULT_MAX_SIZE,
                                   &error);
      g_assert_no_error (error);
      ir_pdf_document_model_set_document (model, pdf, texture);

      while (!run.done)
        g_main_context_iteration (NULL, TRUE);

      preview_times[i] = run.preview_at - run.start;
      sharp_times[i] = run.sharp_at - run.start;
      g_signal_handlers_disconnect_by_func (clock, after_paint_cb, &run);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  g_print ("Sheet: demo drawing FV-150-001 revision B, %.0f × %.0f pt (A1), "
           "in a 1440 × 900 window, fit to page; medians of %d runs\n",
           width, height, N_RUNS);
  g_print ("first picture on screen from the stored preview: %.1f ms (target ≤ 100 ms)\n",
           median_ms (preview_times));
  g_print ("first frame with the sheet rendered sharp: %.1f ms\n", median_ms (sharp_times));

  return 0;
}
