/* ir-markup-panel.h: the markups of a revision as a table, with one's thread
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-markup-detail.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_MARKUP_PANEL (ir_markup_panel_get_type ())

G_DECLARE_FINAL_TYPE (IrMarkupPanel, ir_markup_panel, IR, MARKUP_PANEL, GtkWidget)

void            ir_markup_panel_set_revision (IrMarkupPanel  *self,
                                              IrStore        *store,
                                              const char     *drawing,
                                              const char     *revision,
                                              const char     *label);
void            ir_markup_panel_refresh      (IrMarkupPanel  *self);
void            ir_markup_panel_select       (IrMarkupPanel  *self,
                                              const char     *markup);
const char     *ir_markup_panel_get_selected (IrMarkupPanel  *self);
guint           ir_markup_panel_get_n_rows   (IrMarkupPanel  *self);
IrMarkupDetail *ir_markup_panel_get_detail   (IrMarkupPanel  *self);
gboolean        ir_markup_panel_export       (IrMarkupPanel  *self,
                                              GFile          *file,
                                              GError        **error);
void            ir_markup_panel_show_export  (IrMarkupPanel  *self);

G_END_DECLS
