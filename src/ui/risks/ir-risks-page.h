/* ir-risks-page.h: the risks page: three-tier alerts and the risk register
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-escalation-monitor.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_RISKS_PAGE (ir_risks_page_get_type ())

G_DECLARE_FINAL_TYPE (IrRisksPage, ir_risks_page, IR, RISKS_PAGE, GtkWidget)

IrStore *ir_risks_page_get_store (IrRisksPage *self);
void     ir_risks_page_set_store (IrRisksPage *self,
                                  IrStore     *store);
IrEscalationMonitor *
         ir_risks_page_get_monitor (IrRisksPage *self);

G_END_DECLS
