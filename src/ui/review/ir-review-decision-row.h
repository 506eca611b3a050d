/* ir-review-decision-row.h: one decision or action typed in a review
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-review.h"

G_BEGIN_DECLS

#define IR_TYPE_REVIEW_DECISION_ROW (ir_review_decision_row_get_type ())

G_DECLARE_FINAL_TYPE (IrReviewDecisionRow, ir_review_decision_row, IR, REVIEW_DECISION_ROW,
                      AdwBin)

/* Idle time after the last key press before the text is saved, in ms. */
#define IR_REVIEW_SAVE_DELAY_MS 1000

GtkWidget  *ir_review_decision_row_new          (IrStore             *store,
                                                 const char          *decision,
                                                 IrDay                today);
const char *ir_review_decision_row_get_decision (IrReviewDecisionRow *self);
GtkEditable *ir_review_decision_row_get_editable (IrReviewDecisionRow *self);
gboolean    ir_review_decision_row_save         (IrReviewDecisionRow *self);
gboolean    ir_review_decision_row_has_pending  (IrReviewDecisionRow *self);

G_END_DECLS
