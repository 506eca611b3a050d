/* ir-map-page.h: the decision map page, the customer's stakeholders
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-map-canvas.h"
#include "ir-map-coverage-view.h"
#include "ir-map-details.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_PAGE (ir_map_page_get_type ())

G_DECLARE_FINAL_TYPE (IrMapPage, ir_map_page, IR, MAP_PAGE, GtkWidget)

IrStore           *ir_map_page_get_store         (IrMapPage  *self);
void               ir_map_page_set_store         (IrMapPage  *self,
                                                  IrStore    *store);
const char        *ir_map_page_get_view          (IrMapPage  *self);
void               ir_map_page_set_view          (IrMapPage  *self,
                                                  const char *view);
IrMapCanvas       *ir_map_page_get_canvas        (IrMapPage  *self);
IrMapDetails      *ir_map_page_get_details       (IrMapPage  *self);
IrMapCoverageView *ir_map_page_get_coverage_view (IrMapPage  *self);

G_END_DECLS
