/* ir-conflict.h: the values a field lost to concurrent writes
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

/* A value that a concurrent write set and that lost to the value the field
 * shows. */
typedef struct
{
  char     *actor;
  JsonNode *value;      /* NULL or a JSON null for a write that cleared the field */
  gint64    hlc;
  gint64    time;       /* microseconds UTC: the server's receive time, or the clock */
} IrConflict;

void        ir_conflict_free (IrConflict  *conflict);
GPtrArray  *ir_conflict_list (IrStore     *store,
                              const char  *eid,
                              const char  *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrConflict, ir_conflict_free)

G_END_DECLS
