/* ir-plan-rows.h: the plan's tasks as the rows of the table and chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ir-schedule.h"

G_BEGIN_DECLS

#define IR_TYPE_PLAN_ROW (ir_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (IrPlanRow, ir_plan_row, IR, PLAN_ROW, GObject)

IrScheduleTask *ir_plan_row_get_task       (IrPlanRow  *self);
const char     *ir_plan_row_get_id         (IrPlanRow  *self);
guint           ir_plan_row_get_depth      (IrPlanRow  *self);
gboolean        ir_plan_row_has_children   (IrPlanRow  *self);
gboolean        ir_plan_row_is_expanded    (IrPlanRow  *self);

#define IR_TYPE_PLAN_ROWS (ir_plan_rows_get_type ())

G_DECLARE_FINAL_TYPE (IrPlanRows, ir_plan_rows, IR, PLAN_ROWS, GObject)

IrPlanRows     *ir_plan_rows_new           (void);
void            ir_plan_rows_set_schedule  (IrPlanRows  *self,
                                            IrSchedule  *schedule);
IrSchedule     *ir_plan_rows_get_schedule  (IrPlanRows  *self);
void            ir_plan_rows_refresh       (IrPlanRows  *self);
void            ir_plan_rows_watch         (IrPlanRows  *self,
                                            IrPlanRow   *row,
                                            gboolean     watch);
GPtrArray      *ir_plan_rows_get_tasks     (IrPlanRows  *self);
IrScheduleTask *ir_plan_rows_get_task      (IrPlanRows  *self,
                                            guint        position);
int             ir_plan_rows_find          (IrPlanRows  *self,
                                            const char  *task_id);
void            ir_plan_rows_set_expanded  (IrPlanRows  *self,
                                            const char  *task_id,
                                            gboolean     expanded);
gboolean        ir_plan_rows_reveal        (IrPlanRows  *self,
                                            const char  *task_id);

G_END_DECLS
