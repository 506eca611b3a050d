/* ir-plan-model.h: the room's plan as a schedule, read from its store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-schedule.h"
#include "ir-store.h"

G_BEGIN_DECLS

IrSchedule *ir_plan_model_load          (IrStore     *store,
                                         GError     **error);
IrCalendar *ir_plan_model_load_calendar (IrStore     *store);

G_END_DECLS
