/* ir-change-hints.h: marks on fields that someone else just changed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-store.h"

G_BEGIN_DECLS

/* How long a field stays marked after another member changed it. */
#define IR_CHANGE_HINT_SECONDS 5

/* The style class of a widget whose field another member just changed. */
#define IR_CHANGE_HINT_CLASS "remote-change"

#define IR_TYPE_CHANGE_HINTS (ir_change_hints_get_type ())

G_DECLARE_FINAL_TYPE (IrChangeHints, ir_change_hints, IR, CHANGE_HINTS, GObject)

IrChangeHints *ir_change_hints_get_for_store (IrStore       *store);
void           ir_change_hints_add_ops       (IrChangeHints *self,
                                              GPtrArray     *ops);
const char    *ir_change_hints_lookup        (IrChangeHints *self,
                                              const char    *eid,
                                              const char    *field);
void           ir_change_hints_watch         (GtkWidget     *widget,
                                              IrStore       *store,
                                              const char    *eid,
                                              const char    *field);

G_END_DECLS
