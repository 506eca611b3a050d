/* ir-drawing-notifier.h: desktop notifications of others' new revisions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_DRAWING_NOTIFIER (ir_drawing_notifier_get_type ())

G_DECLARE_FINAL_TYPE (IrDrawingNotifier, ir_drawing_notifier, IR, DRAWING_NOTIFIER, GObject)

IrDrawingNotifier *ir_drawing_notifier_new        (void);
void               ir_drawing_notifier_set_store  (IrDrawingNotifier *self,
                                                   IrStore           *store);
guint              ir_drawing_notifier_get_n_sent (IrDrawingNotifier *self);

G_END_DECLS
