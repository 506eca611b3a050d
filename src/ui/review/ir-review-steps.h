/* ir-review-steps.h: the pages of review mode built from the agenda
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-review.h"

G_BEGIN_DECLS

GtkWidget *ir_review_step_page_new        (const char     *title,
                                           const char     *subtitle,
                                           GtkWidget     **content);
GtkWidget *ir_review_label_new            (const char     *text,
                                           const char     *style_class);
GtkWidget *ir_review_tag_new              (const char     *text,
                                           const char     *style_class);
GtkWidget *ir_review_heading_new          (const char     *text);
GtkWidget *ir_review_section_new          (GtkWidget      *content,
                                           const char     *title);
GtkWidget *ir_review_empty_new            (const char     *text);
GtkWidget *ir_review_tier_badge_new       (IrTier          tier);
const char *ir_review_tier_class          (IrTier          tier);

GtkWidget *ir_review_step_overview_new    (IrReviewAgenda *agenda);
GtkWidget *ir_review_step_map_new         (IrReviewAgenda *agenda);
GtkWidget *ir_review_step_plan_new        (IrReviewAgenda *agenda);
GtkWidget *ir_review_step_escalations_new (IrReviewAgenda *agenda);

G_END_DECLS
