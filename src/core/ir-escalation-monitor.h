/* ir-escalation-monitor.h: evaluates a room's escalations while it is open
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-escalation.h"

G_BEGIN_DECLS

#define IR_TYPE_ESCALATION_MONITOR (ir_escalation_monitor_get_type ())

G_DECLARE_FINAL_TYPE (IrEscalationMonitor, ir_escalation_monitor, IR, ESCALATION_MONITOR, GObject)

IrEscalationMonitor *ir_escalation_monitor_new            (IrStore             *store);
IrStore             *ir_escalation_monitor_get_store      (IrEscalationMonitor *self);
gboolean             ir_escalation_monitor_get_provisional (IrEscalationMonitor *self);
IrEscalationReport  *ir_escalation_monitor_get_report     (IrEscalationMonitor *self);
void                 ir_escalation_monitor_evaluate_now   (IrEscalationMonitor *self);
void                 ir_escalation_monitor_set_delays     (IrEscalationMonitor *self,
                                                           guint                debounce_ms,
                                                           guint                interval_s);

G_END_DECLS
