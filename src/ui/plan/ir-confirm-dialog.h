/* ir-confirm-dialog.h: recording a customer's confirmation of a milestone
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-calendar.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_CONFIRM_DIALOG (ir_confirm_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IrConfirmDialog, ir_confirm_dialog, IR, CONFIRM_DIALOG, AdwWindow)

IrConfirmDialog *ir_confirm_dialog_new           (GtkWindow       *parent,
                                                  IrStore         *store,
                                                  const char      *task_id,
                                                  IrDay            forecast);
void             ir_confirm_dialog_set_scan_file (IrConfirmDialog *self,
                                                  GFile           *file);
void             ir_confirm_dialog_set_key_path  (IrConfirmDialog *self,
                                                  const char      *path);

G_END_DECLS
