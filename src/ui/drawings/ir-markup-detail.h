/* ir-markup-detail.h: one markup's comment, status and thread of replies
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MARKUP_DETAIL (ir_markup_detail_get_type ())

G_DECLARE_FINAL_TYPE (IrMarkupDetail, ir_markup_detail, IR, MARKUP_DETAIL, GtkWidget)

void        ir_markup_detail_show      (IrMarkupDetail *self,
                                        IrStore        *store,
                                        const char     *markup,
                                        const char     *revision,
                                        guint           number);
const char *ir_markup_detail_get_markup (IrMarkupDetail *self);
void        ir_markup_detail_save      (IrMarkupDetail *self);
void        ir_markup_detail_focus_text (IrMarkupDetail *self);

G_END_DECLS
