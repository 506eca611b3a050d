/* ir-demo-drawings-private.h: shared by the demo drawings' part files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-demo-drawings.h"
#include "ir-drafting-sheet.h"

G_BEGIN_DECLS

/* What one sheet of the demo is drawn for. */
typedef struct
{
  char      revision;
  gboolean  english;
  char      dates[4][11];  /* drawn, revision A, revision B, checked */
} IrDemoSheet;

/* A view at a drawing scale: part coordinates in millimetres with y up,
 * the origin at (x, y) on the sheet. */
typedef struct
{
  double x;
  double y;
  double scale;
} IrDemoView;

static inline double
ir_demo_view_x (const IrDemoView *view,
                double            x)
{
  return view->x + x * view->scale;
}

static inline double
ir_demo_view_y (const IrDemoView *view,
                double            y)
{
  return view->y - y * view->scale;
}

/* Picks the Chinese or the English text of a pair. */
#define IR_DEMO_TEXT(sheet, zh, en) ((sheet)->english ? (en) : (zh))

void ir_demo_move_to            (IrDraft          *draft,
                                 const IrDemoView *view,
                                 double            x,
                                 double            y);
void ir_demo_line_to            (IrDraft          *draft,
                                 const IrDemoView *view,
                                 double            x,
                                 double            y);
void ir_demo_arc_to             (IrDraft          *draft,
                                 const IrDemoView *view,
                                 double            cx,
                                 double            cy,
                                 double            radius,
                                 double            from,
                                 double            to);
void ir_demo_circle             (IrDraft          *draft,
                                 const IrDemoView *view,
                                 double            cx,
                                 double            cy,
                                 double            radius);
void ir_demo_vertical_dimension (IrDraft          *draft,
                                 const IrDemoView *view,
                                 double            x1,
                                 double            y1,
                                 double            x2,
                                 double            y2,
                                 double            line_x,
                                 const char       *value,
                                 const char       *tolerance);

void ir_demo_draw_body   (IrDraft           *draft,
                          const IrDemoSheet *sheet);
void ir_demo_draw_bonnet (IrDraft           *draft,
                          const IrDemoSheet *sheet);

void ir_demo_draw_frame  (IrDraft           *draft,
                          const IrDemoSheet *sheet,
                          IrDemoDrawing      which,
                          double             width,
                          double             height,
                          const char        *material,
                          const char        *weight);

G_END_DECLS
