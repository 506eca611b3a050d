/* ir-map-dialogs.h: the small dialogs of the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

/* Called with the new stakeholder's id after the add dialog created it. */
typedef void (*IrMapAddedFunc) (const char *eid,
                                gpointer    user_data);

GtkWidget *ir_map_dialog_add_stakeholder  (GtkWidget      *parent,
                                           IrStore        *store,
                                           double          x,
                                           double          y,
                                           IrMapAddedFunc  callback,
                                           gpointer        user_data,
                                           GDestroyNotify  destroy);
GtkWidget *ir_map_dialog_mark_left        (GtkWidget      *parent,
                                           IrStore        *store,
                                           const char     *stakeholder);
GtkWidget *ir_map_dialog_add_link         (GtkWidget      *parent,
                                           IrStore        *store,
                                           const char     *stakeholder);
GtkWidget *ir_map_dialog_add_interaction  (GtkWidget      *parent,
                                           IrStore        *store,
                                           const char     *stakeholder);

G_END_DECLS
