/* ir-map-canvas.h: the decision map's org-chart canvas
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-map-coverage.h"
#include "ir-map-model.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_CANVAS (ir_map_canvas_get_type ())

G_DECLARE_FINAL_TYPE (IrMapCanvas, ir_map_canvas, IR, MAP_CANVAS, GtkWidget)

/* Below this zoom the canvas draws cards simplified, without their text. */
#define IR_MAP_CANVAS_SIMPLE_ZOOM 0.42

GtkWidget     *ir_map_canvas_new                (void);
IrStore       *ir_map_canvas_get_store          (IrMapCanvas       *self);
void           ir_map_canvas_set_store          (IrMapCanvas       *self,
                                                 IrStore           *store);
IrMapCoverage *ir_map_canvas_get_coverage       (IrMapCanvas       *self);
GPtrArray     *ir_map_canvas_get_members        (IrMapCanvas       *self);
void           ir_map_canvas_set_filter         (IrMapCanvas       *self,
                                                 const IrMapFilter *filter);
gboolean       ir_map_canvas_matches_filter     (IrMapCanvas       *self,
                                                 IrEntity          *stakeholder);

const char    *ir_map_canvas_get_selected       (IrMapCanvas       *self);
void           ir_map_canvas_select             (IrMapCanvas       *self,
                                                 const char        *eid,
                                                 gboolean           scroll_to);
GtkWidget     *ir_map_canvas_get_card           (IrMapCanvas       *self,
                                                 const char        *eid);
guint          ir_map_canvas_get_n_cards        (IrMapCanvas       *self);
gboolean       ir_map_canvas_get_card_position  (IrMapCanvas       *self,
                                                 const char        *eid,
                                                 double            *x,
                                                 double            *y);

double         ir_map_canvas_get_zoom           (IrMapCanvas       *self);
void           ir_map_canvas_set_zoom           (IrMapCanvas       *self,
                                                 double             zoom);
void           ir_map_canvas_zoom_to_fit        (IrMapCanvas       *self);
void           ir_map_canvas_get_view_center    (IrMapCanvas       *self,
                                                 double            *x,
                                                 double            *y);
gboolean       ir_map_canvas_is_simplified      (IrMapCanvas       *self);

G_END_DECLS
