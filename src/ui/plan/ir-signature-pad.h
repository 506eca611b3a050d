/* ir-signature-pad.h: a pad to sign on with the mouse, a pen or a finger
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IR_TYPE_SIGNATURE_PAD (ir_signature_pad_get_type ())

G_DECLARE_FINAL_TYPE (IrSignaturePad, ir_signature_pad, IR, SIGNATURE_PAD, GtkWidget)

GtkWidget *ir_signature_pad_new        (void);
void       ir_signature_pad_clear      (IrSignaturePad         *self);
gboolean   ir_signature_pad_is_empty   (IrSignaturePad         *self);
void       ir_signature_pad_add_stroke (IrSignaturePad         *self,
                                        const graphene_point_t *points,
                                        guint                   n_points);
GBytes    *ir_signature_pad_to_png     (IrSignaturePad         *self,
                                        GError                **error);

G_END_DECLS
