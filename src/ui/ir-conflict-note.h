/* ir-conflict-note.h: the values a field lost to concurrent edits, with one
 * click to use one of them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_CONFLICT_NOTE (ir_conflict_note_get_type ())

G_DECLARE_FINAL_TYPE (IrConflictNote, ir_conflict_note, IR, CONFLICT_NOTE, GtkWidget)

GtkWidget *ir_conflict_note_new            (void);
void       ir_conflict_note_set_field      (IrConflictNote *self,
                                            IrStore        *store,
                                            const char     *kind,
                                            const char     *eid,
                                            const char     *field);
guint      ir_conflict_note_get_n_values   (IrConflictNote *self);
gboolean   ir_conflict_note_use            (IrConflictNote *self,
                                            guint           index,
                                            GError        **error);

G_END_DECLS
