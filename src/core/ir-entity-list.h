/* ir-entity-list.h: a live GListModel of the visible entities of one kind
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ir-entity.h"

G_BEGIN_DECLS

#define IR_TYPE_ENTITY_LIST (ir_entity_list_get_type ())

G_DECLARE_FINAL_TYPE (IrEntityList, ir_entity_list, IR, ENTITY_LIST, GObject)

const char *ir_entity_list_get_kind   (IrEntityList *self);
IrEntity   *ir_entity_list_lookup     (IrEntityList *self,
                                       const char   *eid);
void        ir_entity_list_set_sort   (IrEntityList *self,
                                       const char   *field);

G_END_DECLS
