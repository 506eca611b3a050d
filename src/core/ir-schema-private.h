/* ir-schema-private.h: schema internals shared inside the core
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-schema.h"

G_BEGIN_DECLS

const IrEntitySpec *ir_schema_builtin_entities (guint      *n_entities);
GPtrArray          *ir_schema_list_fields      (IrSchema   *self,
                                                const char *entity);

G_END_DECLS
