/* ir-review-drawing-step.h: a new revision, opened in compare
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-review.h"

G_BEGIN_DECLS

#define IR_TYPE_REVIEW_DRAWING_STEP (ir_review_drawing_step_get_type ())

G_DECLARE_FINAL_TYPE (IrReviewDrawingStep, ir_review_drawing_step, IR, REVIEW_DRAWING_STEP,
                      AdwBin)

GtkWidget *ir_review_drawing_step_new           (IrReviewAgenda      *agenda,
                                                 int                  revision);
void       ir_review_drawing_step_update        (IrReviewDrawingStep *self);
int        ir_review_drawing_step_get_revision  (IrReviewDrawingStep *self);
guint      ir_review_drawing_step_get_n_regions (IrReviewDrawingStep *self);

G_END_DECLS
