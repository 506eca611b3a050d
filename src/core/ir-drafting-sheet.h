/* ir-drafting-sheet.h: drawing sheet, title block and revision table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-drafting.h"

G_BEGIN_DECLS

/* ISO 216 landscape sheet sizes, millimetres. */
#define IR_DRAFT_A1_WIDTH  841.0
#define IR_DRAFT_A1_HEIGHT 594.0
#define IR_DRAFT_A2_WIDTH  594.0
#define IR_DRAFT_A2_HEIGHT 420.0
#define IR_DRAFT_A3_WIDTH  420.0
#define IR_DRAFT_A3_HEIGHT 297.0

/* Width and height of the title block in the bottom-right corner. */
#define IR_DRAFT_TITLE_BLOCK_WIDTH  180.0
#define IR_DRAFT_TITLE_BLOCK_HEIGHT 56.0

/* Margins between the trimmed edge and the frame; the left one is wider for
 * filing, as in ISO 5457. */
#define IR_DRAFT_MARGIN_LEFT 20.0
#define IR_DRAFT_MARGIN 10.0

/* One row of the revision table. */
typedef struct
{
  const char *revision;
  const char *description;
  const char *date;
  const char *author;
  const char *approver;
} IrDraftRevision;

typedef enum
{
  IR_DRAFT_ROLE_DRAWN,
  IR_DRAFT_ROLE_CHECKED,
  IR_DRAFT_ROLE_APPROVED,
  IR_DRAFT_ROLE_STANDARDS,
  IR_DRAFT_N_ROLES,
} IrDraftRole;

/* What the frame, title block and revision table of one sheet show. Labels
 * are Chinese unless @english is set. */
typedef struct
{
  double                 width;
  double                 height;
  gboolean               english;
  const char            *company;
  const char            *title;
  const char            *subtitle;
  const char            *number;
  const char            *material;
  const char            *scale;
  const char            *weight;
  const char            *revision;
  int                    sheet;
  int                    n_sheets;
  const char            *names[IR_DRAFT_N_ROLES];
  const char            *dates[IR_DRAFT_N_ROLES];
  const IrDraftRevision *revisions;
  guint                  n_revisions;
} IrDraftSheet;

void ir_draft_sheet_draw         (IrDraft            *draft,
                                  const IrDraftSheet *sheet);
void ir_draft_notes              (IrDraft            *draft,
                                  double              x,
                                  double              y,
                                  const char         *heading,
                                  const char * const *lines);
void ir_draft_projection_symbol  (IrDraft            *draft,
                                  double              x,
                                  double              y,
                                  double              size);

G_END_DECLS
