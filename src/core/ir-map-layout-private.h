/* ir-map-layout-private.h: free-space search shared by the layout files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-map-layout.h"

G_BEGIN_DECLS

/* The rectangles of cards already placed, hashed by grid cell. */
typedef struct _IrMapOccupancy IrMapOccupancy;

IrMapOccupancy *ir_map_occupancy_new       (void);
void            ir_map_occupancy_free      (IrMapOccupancy        *occupancy);
void            ir_map_occupancy_add       (IrMapOccupancy        *occupancy,
                                            const IrMapLayoutNode *node);
gboolean        ir_map_occupancy_collides  (IrMapOccupancy        *occupancy,
                                            double                 x,
                                            double                 y,
                                            double                 width,
                                            double                 height);
void            ir_map_occupancy_find_free (IrMapOccupancy        *occupancy,
                                            IrMapLayoutNode       *node);

void            ir_map_layout_place_new    (IrMapLayoutNode       *nodes,
                                            guint                  n_nodes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrMapOccupancy, ir_map_occupancy_free)

G_END_DECLS
