/* ir-inbox-popover.h: the inbox in the header bar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_INBOX_POPOVER (ir_inbox_popover_get_type ())

G_DECLARE_FINAL_TYPE (IrInboxPopover, ir_inbox_popover, IR, INBOX_POPOVER, GtkPopover)

IrStore *ir_inbox_popover_get_store (IrInboxPopover *self);
void     ir_inbox_popover_set_store (IrInboxPopover *self,
                                     IrStore        *store);
void     ir_inbox_popover_refresh   (IrInboxPopover *self);
void     ir_inbox_popover_mark_seen (IrInboxPopover *self);

G_END_DECLS
