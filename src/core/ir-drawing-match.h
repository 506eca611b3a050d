/* ir-drawing-match.h: which page of a new revision continues which old one
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-pdf.h"

G_BEGIN_DECLS

typedef enum
{
  IR_DRAWING_MATCH_SHEET,   /* same drawing number and sheet number */
  IR_DRAWING_MATCH_TITLE,   /* same title */
  IR_DRAWING_MATCH_ORDER,   /* same position among the unmatched pages */
  IR_DRAWING_MATCH_NONE,    /* a page only one revision has */
  IR_DRAWING_MATCH_CHOSEN,  /* the user named both pages */
} IrDrawingMatchReason;

/* A pair of pages, numbered from 0; -1 on the side that lacks the page. */
typedef struct
{
  int                  old_page;
  int                  new_page;
  IrDrawingMatchReason reason;
} IrDrawingPageMatch;

GArray     *ir_drawing_match_pages           (IrPdf                *old_pdf,
                                              IrPdf                *new_pdf);
GArray     *ir_drawing_match_sheets          (GPtrArray            *old_sheets,
                                              GPtrArray            *new_sheets);
const char *ir_drawing_match_reason_to_string (IrDrawingMatchReason  reason);

G_END_DECLS
