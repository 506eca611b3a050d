/* ir-review-decisions-step.h: the page where a review records its
 * decisions and actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-review.h"

G_BEGIN_DECLS

#define IR_TYPE_REVIEW_DECISIONS_STEP (ir_review_decisions_step_get_type ())

G_DECLARE_FINAL_TYPE (IrReviewDecisionsStep, ir_review_decisions_step, IR,
                      REVIEW_DECISIONS_STEP, AdwBin)

GtkWidget *ir_review_decisions_step_new      (IrStore               *store,
                                              IrReviewAgenda        *agenda);
GtkWidget *ir_review_decisions_step_add      (IrReviewDecisionsStep *self,
                                              const char            *kind);
guint      ir_review_decisions_step_get_n_items (IrReviewDecisionsStep *self);
GtkWidget *ir_review_decisions_step_get_row  (IrReviewDecisionsStep *self,
                                              guint                  index);
void       ir_review_decisions_step_save_all (IrReviewDecisionsStep *self);

G_END_DECLS
