/* ir-risks-settings.h: a room's alert settings: thresholds, day counting,
 * time zone, meeting hour and link
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_RISKS_SETTINGS (ir_risks_settings_get_type ())

G_DECLARE_FINAL_TYPE (IrRisksSettings, ir_risks_settings, IR, RISKS_SETTINGS,
                      AdwPreferencesWindow)

IrRisksSettings *ir_risks_settings_new (IrStore *store);

G_END_DECLS
