/* ir-map-card.h: one stakeholder's card on the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-map-coverage.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_CARD (ir_map_card_get_type ())

G_DECLARE_FINAL_TYPE (IrMapCard, ir_map_card, IR, MAP_CARD, GtkWidget)

GtkWidget  *ir_map_card_new                  (IrEntity               *stakeholder);
IrEntity   *ir_map_card_get_entity           (IrMapCard              *self);
const char *ir_map_card_get_id               (IrMapCard              *self);
void        ir_map_card_update               (IrMapCard              *self,
                                              IrStore                *store);
void        ir_map_card_set_department_color (IrMapCard              *self,
                                              const GdkRGBA          *color);
const GdkRGBA *ir_map_card_get_department_color (IrMapCard           *self);
void        ir_map_card_set_coverage         (IrMapCard              *self,
                                              IrMapCoverage          *coverage,
                                              GPtrArray              *members);
gboolean    ir_map_card_get_stale            (IrMapCard              *self);
void        ir_map_card_set_selected         (IrMapCard              *self,
                                              gboolean                selected);
void        ir_map_card_set_dimmed           (IrMapCard              *self,
                                              gboolean                dimmed);
gboolean    ir_map_card_get_dimmed           (IrMapCard              *self);
void        ir_map_card_set_link_target      (IrMapCard              *self,
                                              gboolean                target);
void        ir_map_card_show_change          (IrMapCard              *self,
                                              const char             *who);
gboolean    ir_map_card_is_handle            (IrMapCard              *self,
                                              GtkWidget              *picked);
char       *ir_map_card_dup_accessible_label (IrMapCard              *self);

G_END_DECLS
