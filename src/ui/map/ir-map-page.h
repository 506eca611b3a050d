/* ir-map-page.h: the decision map page, the customer's stakeholders
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_PAGE (ir_map_page_get_type ())

G_DECLARE_FINAL_TYPE (IrMapPage, ir_map_page, IR, MAP_PAGE, GtkWidget)

IrStore *ir_map_page_get_store (IrMapPage *self);
void     ir_map_page_set_store (IrMapPage *self,
                                IrStore   *store);

G_END_DECLS
