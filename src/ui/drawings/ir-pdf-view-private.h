/* ir-pdf-view-private.h: the view's state, shared by ir-pdf-view*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-pdf-tiles.h"
#include "ir-pdf-view.h"

G_BEGIN_DECLS

/* Grey around the page, in logical pixels. */
#define IR_PDF_VIEW_MARGIN 24

struct _IrPdfView
{
  GtkWidget           parent_instance;

  IrPdfDocumentModel *model;
  IrPdfTiles         *tiles;
  GdkTexture         *page_texture;
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               pan_with_primary : 1;

  /* The zoom the adjustments were last laid out for, and the point that a
   * zoom keeps in place: widget coordinates, then page points. */
  double              laid_out_zoom;
  gboolean            have_anchor;
  double              anchor_x;
  double              anchor_y;

  /* A zoom to a rectangle asked for before the view was laid out. */
  gboolean            have_pending_rect;
  IrPdfRect           pending_rect;

  /* The scale level whose visible tiles were all drawn last, shown under
   * missing tiles of a new level while they render. */
  int                 complete_level;
  int                 complete_page;
  IrPdfPictureState   picture_state;

  /* Input. */
  double              pointer_x;
  double              pointer_y;
  double              pan_start_h;
  double              pan_start_v;
  double              pinch_start_zoom;
  gboolean            panning;
  gboolean            selecting_zoom;
  double              zoom_rect[4];   /* x0, y0, x1, y1 in widget coordinates */
};

/* ir-pdf-view.c */
void     ir_pdf_view_update_adjustments (IrPdfView   *self);
void     ir_pdf_view_get_page_origin    (IrPdfView   *self,
                                         double      *x,
                                         double      *y);
gboolean ir_pdf_view_get_page_size      (IrPdfView   *self,
                                         double      *width,
                                         double      *height);
void     ir_pdf_view_emit_overlay       (IrPdfView   *self,
                                         GtkSnapshot *snapshot);

/* ir-pdf-view-draw.c */
void     ir_pdf_view_snapshot           (GtkWidget   *widget,
                                         GtkSnapshot *snapshot);

/* ir-pdf-view-input.c */
void ir_pdf_view_init_input         (IrPdfView      *self);
void ir_pdf_view_class_init_input   (GtkWidgetClass *widget_class);

G_END_DECLS
