/* ir-drawings-page.h: the drawings page: drawings, revisions and markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-pdf.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_TYPE_DRAWINGS_PAGE (ir_drawings_page_get_type ())

G_DECLARE_FINAL_TYPE (IrDrawingsPage, ir_drawings_page, IR, DRAWINGS_PAGE, GtkWidget)

IrStore    *ir_drawings_page_get_store    (IrDrawingsPage *self);
void        ir_drawings_page_set_store    (IrDrawingsPage *self,
                                           IrStore        *store);
void        ir_drawings_page_watch_room   (IrDrawingsPage *self,
                                           IrStore        *store);
const char *ir_drawings_page_get_drawing  (IrDrawingsPage *self);
const char *ir_drawings_page_get_revision (IrDrawingsPage *self);
gboolean    ir_drawings_page_is_importing (IrDrawingsPage *self);
guint       ir_drawings_page_get_n_notified (IrDrawingsPage *self);
gboolean    ir_drawings_page_add_markup   (IrDrawingsPage  *self,
                                           const char      *kind,
                                           const IrPdfRect *box,
                                           GError         **error);

G_END_DECLS
