/* ir-markup-row.h: one markup as a row of the markup list
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MARKUP_ROW (ir_markup_row_get_type ())

G_DECLARE_FINAL_TYPE (IrMarkupRow, ir_markup_row, IR, MARKUP_ROW, GObject)

IrMarkupRow *ir_markup_row_new          (IrStore     *store,
                                         IrEntity    *markup,
                                         IrEntity    *placement,
                                         guint        number);
const char  *ir_markup_row_get_markup   (IrMarkupRow *self);
const char  *ir_markup_row_get_status   (IrMarkupRow *self);
int          ir_markup_row_get_page     (IrMarkupRow *self);
gboolean     ir_markup_row_matches      (IrMarkupRow *self,
                                         const char  *search);

G_END_DECLS
