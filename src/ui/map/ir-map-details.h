/* ir-map-details.h: the details panel of one stakeholder
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-map-coverage.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_DETAILS (ir_map_details_get_type ())

G_DECLARE_FINAL_TYPE (IrMapDetails, ir_map_details, IR, MAP_DETAILS, GtkWidget)

/* Typing is saved after this long without a key press, or on leaving the field. */
#define IR_MAP_DETAILS_SAVE_DELAY_MS 1000

GtkWidget  *ir_map_details_new             (void);
void        ir_map_details_set_store       (IrMapDetails  *self,
                                            IrStore       *store);
void        ir_map_details_set_stakeholder (IrMapDetails  *self,
                                            const char    *eid);
const char *ir_map_details_get_stakeholder (IrMapDetails  *self);
void        ir_map_details_set_coverage    (IrMapDetails  *self,
                                            IrMapCoverage *coverage,
                                            GPtrArray     *members);
void        ir_map_details_save            (IrMapDetails  *self);

G_END_DECLS
