/* ir-review-window.h: review mode, the room's project review on a
 * projector
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-review.h"

G_BEGIN_DECLS

#define IR_TYPE_REVIEW_WINDOW (ir_review_window_get_type ())

G_DECLARE_FINAL_TYPE (IrReviewWindow, ir_review_window, IR, REVIEW_WINDOW, AdwWindow)

IrReviewWindow *ir_review_window_new          (GtkWindow       *parent,
                                               IrStore         *store,
                                               GError         **error);
IrReviewAgenda *ir_review_window_get_agenda   (IrReviewWindow  *self);
guint           ir_review_window_get_step     (IrReviewWindow  *self);
GtkWidget      *ir_review_window_get_page     (IrReviewWindow  *self,
                                               guint            index);
gboolean        ir_review_window_is_comparing (IrReviewWindow  *self);
gboolean        ir_review_window_write_report (IrReviewWindow  *self,
                                               const char      *path,
                                               GError         **error);

G_END_DECLS
