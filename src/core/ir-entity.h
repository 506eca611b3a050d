/* ir-entity.h: the current state of one entity, kept live by its store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IR_TYPE_ENTITY (ir_entity_get_type ())

G_DECLARE_FINAL_TYPE (IrEntity, ir_entity, IR, ENTITY, GObject)

const char *ir_entity_get_kind        (IrEntity   *self);
const char *ir_entity_get_id          (IrEntity   *self);
gboolean    ir_entity_is_deleted      (IrEntity   *self);
gboolean    ir_entity_is_restored     (IrEntity   *self);
gboolean    ir_entity_is_visible      (IrEntity   *self);
const char *ir_entity_get_deleted_by  (IrEntity   *self);
gboolean    ir_entity_has_field       (IrEntity   *self,
                                       const char *field);
JsonNode   *ir_entity_get_value       (IrEntity   *self,
                                       const char *field);
const char *ir_entity_get_string      (IrEntity   *self,
                                       const char *field);
gint64      ir_entity_get_int         (IrEntity   *self,
                                       const char *field);
double      ir_entity_get_double      (IrEntity   *self,
                                       const char *field);
gboolean    ir_entity_get_boolean     (IrEntity   *self,
                                       const char *field);
gboolean    ir_entity_has_conflict    (IrEntity   *self,
                                       const char *field);
const char *ir_entity_get_field_actor (IrEntity   *self,
                                       const char *field);
gint64      ir_entity_get_field_hlc   (IrEntity   *self,
                                       const char *field);

G_END_DECLS
