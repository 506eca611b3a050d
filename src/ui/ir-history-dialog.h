/* ir-history-dialog.h: who changed what of one item, and when
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_HISTORY_DIALOG (ir_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IrHistoryDialog, ir_history_dialog, IR, HISTORY_DIALOG, AdwWindow)

IrHistoryDialog *ir_history_dialog_new        (GtkWindow       *parent,
                                               IrStore         *store,
                                               const char      *kind,
                                               const char      *eid);
guint            ir_history_dialog_get_n_rows (IrHistoryDialog *self);

G_END_DECLS
