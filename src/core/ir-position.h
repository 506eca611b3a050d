/* ir-position.h: fractional keys for ordered lists
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ir_position_between (const char *before,
                               const char *after,
                               const char *client);
gboolean  ir_position_is_valid (const char *key);

G_END_DECLS
