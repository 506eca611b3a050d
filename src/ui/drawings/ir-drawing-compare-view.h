/* ir-drawing-compare-view.h: two revisions of a drawing, and what changed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_DRAWING_COMPARE_VIEW (ir_drawing_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (IrDrawingCompareView, ir_drawing_compare_view, IR, DRAWING_COMPARE_VIEW,
                      GtkWidget)

void     ir_drawing_compare_view_open             (IrDrawingCompareView *self,
                                                   IrStore              *store,
                                                   const char           *drawing,
                                                   const char           *old_revision,
                                                   const char           *new_revision);
void     ir_drawing_compare_view_close            (IrDrawingCompareView *self);
void     ir_drawing_compare_view_refresh          (IrDrawingCompareView *self);
void     ir_drawing_compare_view_set_side_by_side (IrDrawingCompareView *self,
                                                   gboolean              side_by_side);
gboolean ir_drawing_compare_view_is_busy          (IrDrawingCompareView *self);
guint    ir_drawing_compare_view_get_n_regions    (IrDrawingCompareView *self);
guint    ir_drawing_compare_view_get_n_text_changes (IrDrawingCompareView *self);
gboolean ir_drawing_compare_view_get_text_compared (IrDrawingCompareView *self);
void     ir_drawing_compare_view_select_region    (IrDrawingCompareView *self,
                                                   int                   index);
gboolean ir_drawing_compare_view_add_ignore_region (IrDrawingCompareView *self,
                                                   double                x,
                                                   double                y,
                                                   double                width,
                                                   double                height,
                                                   GError              **error);

G_END_DECLS
