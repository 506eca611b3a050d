/* ir-drawing-text-compare.h: changed text between two revisions of a sheet
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-pdf.h"

G_BEGIN_DECLS

typedef enum
{
  IR_DRAWING_TEXT_CHANGED,
  IR_DRAWING_TEXT_ADDED,
  IR_DRAWING_TEXT_REMOVED,
} IrDrawingTextChangeKind;

/* One change of the text layer: "120" → "125" at a dimension, a note line
 * added or removed. The old box is in the old page's points, the new box in
 * the new page's; the box of a missing side is empty. */
typedef struct
{
  IrDrawingTextChangeKind  kind;
  char                    *old_text;
  char                    *new_text;
  IrPdfRect                old_box;
  IrPdfRect                new_box;
} IrDrawingTextChange;

GPtrArray  *ir_drawing_text_compare             (GPtrArray                 *old_words,
                                                 GPtrArray                 *new_words,
                                                 double                     offset_x,
                                                 double                     offset_y,
                                                 GArray                    *ignore);
void        ir_drawing_text_change_free         (IrDrawingTextChange       *change);
const char *ir_drawing_text_change_kind_to_string (IrDrawingTextChangeKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrDrawingTextChange, ir_drawing_text_change_free)

G_END_DECLS
