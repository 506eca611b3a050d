/* ir-plan-page.h: the plan page: a task table beside a Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-schedule.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_PLAN_PAGE (ir_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (IrPlanPage, ir_plan_page, IR, PLAN_PAGE, GtkWidget)

IrStore    *ir_plan_page_get_store    (IrPlanPage *self);
void        ir_plan_page_set_store    (IrPlanPage *self,
                                       IrStore    *store);
IrSchedule *ir_plan_page_get_schedule (IrPlanPage *self);
GtkWidget  *ir_plan_page_get_timeline (IrPlanPage *self);
GtkWidget  *ir_plan_page_get_table    (IrPlanPage *self);

G_END_DECLS
