/* ir-map-interaction-dialog.h: recording a meeting, call, visit or message
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MAP_INTERACTION_DIALOG (ir_map_interaction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IrMapInteractionDialog, ir_map_interaction_dialog, IR,
                      MAP_INTERACTION_DIALOG, AdwWindow)

IrMapInteractionDialog *ir_map_interaction_dialog_new (GtkWindow  *parent,
                                                       IrStore    *store,
                                                       const char *stakeholder);

G_END_DECLS
