/* ir-map-model-private.h: helpers shared by the ir-map-*.c files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-map-model.h"

G_BEGIN_DECLS

IrEntity   *ir_map_lookup_stakeholder            (IrStore     *store,
                                                  const char  *eid,
                                                  GError     **error);
const char *ir_map_display_name                  (IrEntity    *stakeholder);
gboolean    ir_map_has_left                      (IrEntity    *stakeholder);
gboolean    ir_map_member_is_active              (IrEntity    *member);
GHashTable *ir_map_collect_customer_participants (IrStore     *store);

G_END_DECLS
