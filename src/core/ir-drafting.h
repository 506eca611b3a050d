/* ir-drafting.h: a small technical-drawing kit on cairo
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Everything is in millimetres on the sheet, origin at the top-left corner,
 * y pointing down: ir_draft_init() scales the cairo context from PDF points.
 * Line widths follow the ISO 128 pairing of 0.5 mm visible outlines with
 * 0.25 mm thin lines. Text is real PDF text set in Noto Sans CJK SC, so that
 * a PDF reader can extract and compare it. */

#define IR_DRAFT_FONT "Noto Sans CJK SC"
#define IR_DRAFT_MM_TO_PT (72.0 / 25.4)

typedef enum
{
  IR_DRAFT_PEN_THICK,   /* visible outlines, 0.5 mm */
  IR_DRAFT_PEN_THIN,    /* dimension, extension and hatching lines */
  IR_DRAFT_PEN_CENTER,  /* long dash, dot: axes and pitch circles */
  IR_DRAFT_PEN_HIDDEN,  /* short dashes: hidden edges */
  IR_DRAFT_PEN_FRAME,   /* the sheet frame, 0.7 mm */
} IrDraftPen;

typedef enum
{
  IR_DRAFT_ALIGN_LEFT,
  IR_DRAFT_ALIGN_CENTER,
  IR_DRAFT_ALIGN_RIGHT,
} IrDraftAlign;

typedef struct
{
  cairo_t *cr;
} IrDraft;

void   ir_draft_init            (IrDraft      *draft,
                                 cairo_t      *cr);
void   ir_draft_set_pen         (IrDraft      *draft,
                                 IrDraftPen    pen);
void   ir_draft_line            (IrDraft      *draft,
                                 double        x1,
                                 double        y1,
                                 double        x2,
                                 double        y2);
void   ir_draft_rect            (IrDraft      *draft,
                                 double        x,
                                 double        y,
                                 double        width,
                                 double        height);
void   ir_draft_circle          (IrDraft      *draft,
                                 double        cx,
                                 double        cy,
                                 double        radius);
void   ir_draft_center_mark     (IrDraft      *draft,
                                 double        cx,
                                 double        cy,
                                 double        half_length);
void   ir_draft_text            (IrDraft      *draft,
                                 double        x,
                                 double        y,
                                 double        height,
                                 IrDraftAlign  align,
                                 const char   *text);
void   ir_draft_text_rotated    (IrDraft      *draft,
                                 double        x,
                                 double        y,
                                 double        height,
                                 double        angle,
                                 IrDraftAlign  align,
                                 const char   *text);
double ir_draft_text_width      (IrDraft      *draft,
                                 double        height,
                                 const char   *text);
void   ir_draft_arrow           (IrDraft      *draft,
                                 double        tip_x,
                                 double        tip_y,
                                 double        toward_x,
                                 double        toward_y);
void   ir_draft_dimension       (IrDraft      *draft,
                                 double        x1,
                                 double        y1,
                                 double        x2,
                                 double        y2,
                                 double        offset,
                                 const char   *value,
                                 const char   *tolerance);
void   ir_draft_diameter        (IrDraft      *draft,
                                 double        cx,
                                 double        cy,
                                 double        radius,
                                 double        angle,
                                 const char   *value);
void   ir_draft_leader          (IrDraft      *draft,
                                 double        tip_x,
                                 double        tip_y,
                                 double        knee_x,
                                 double        knee_y,
                                 const char   *text);
void   ir_draft_hatch_path      (IrDraft      *draft,
                                 double        spacing,
                                 double        angle);
void   ir_draft_surface_texture (IrDraft      *draft,
                                 double        x,
                                 double        y,
                                 const char   *value);
void   ir_draft_section_label   (IrDraft      *draft,
                                 double        x,
                                 double        y,
                                 const char   *letter,
                                 gboolean      arrow_up);

G_END_DECLS
