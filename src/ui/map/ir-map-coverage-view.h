/* ir-map-coverage-view.h: who on the team covers whom, as a table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-map-canvas.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_COVERAGE_VIEW (ir_map_coverage_view_get_type ())

G_DECLARE_FINAL_TYPE (IrMapCoverageView, ir_map_coverage_view, IR, MAP_COVERAGE_VIEW, GtkWidget)

GtkWidget *ir_map_coverage_view_new        (void);
void       ir_map_coverage_view_set_canvas (IrMapCoverageView *self,
                                            IrMapCanvas       *canvas);
void       ir_map_coverage_view_refilter   (IrMapCoverageView *self);
guint      ir_map_coverage_view_get_n_rows (IrMapCoverageView *self);

G_END_DECLS
