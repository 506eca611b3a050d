/* ir-welcome-page.h: what a first start shows
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IR_TYPE_WELCOME_PAGE (ir_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (IrWelcomePage, ir_welcome_page, IR, WELCOME_PAGE, GtkWidget)

G_END_DECLS
