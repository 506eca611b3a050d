/* ir-trash-dialog.h: the deleted items of a room, to restore
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_TRASH_DIALOG (ir_trash_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IrTrashDialog, ir_trash_dialog, IR, TRASH_DIALOG, AdwWindow)

IrTrashDialog *ir_trash_dialog_new        (GtkWindow     *parent,
                                           IrStore       *store);
guint          ir_trash_dialog_get_n_rows (IrTrashDialog *self);
void           ir_trash_dialog_refresh    (IrTrashDialog *self);

G_END_DECLS
