/* ir-review-compare-view.h: a compared sheet drawn large, changes boxed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-review.h"

G_BEGIN_DECLS

#define IR_TYPE_REVIEW_COMPARE_VIEW (ir_review_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (IrReviewCompareView, ir_review_compare_view, IR, REVIEW_COMPARE_VIEW,
                      GtkWidget)

GtkWidget *ir_review_compare_view_new       (void);
void       ir_review_compare_view_set_sheet (IrReviewCompareView *self,
                                             const IrReviewSheet *sheet);
guint      ir_review_compare_view_get_n_regions (IrReviewCompareView *self);

G_END_DECLS
