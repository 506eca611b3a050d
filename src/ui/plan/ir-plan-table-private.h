/* ir-plan-table-private.h: the plan table's columns, shared by its files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-plan-page-private.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_WBS,
  COLUMN_NAME,
  COLUMN_OWNER,
  COLUMN_DURATION,
  COLUMN_START,
  COLUMN_FINISH,
  COLUMN_COMMITTED,
  COLUMN_FLOAT,
  COLUMN_PROGRESS,
  N_COLUMNS
} Column;

typedef struct
{
  IrPlanPage *page;
  Column      column;
} ColumnData;

#define ROW_KEY      "ir-plan-row"
#define HANDLER_KEY  "ir-plan-row-handler"
#define COLUMN_KEY   "ir-plan-column"

IrPlanRow *ir_plan_table_cell_row        (GtkWidget       *cell);
void       ir_plan_table_start_editing   (ColumnData      *data,
                                          GtkWidget       *cell);
void       ir_plan_table_cell_pressed_cb (GtkGestureClick *gesture,
                                          int              n_press,
                                          double           x,
                                          double           y,
                                          ColumnData      *data);

G_END_DECLS
