/* ir-schema.h: the declarative description of a room's entities
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IR_SCHEMA_ERROR (ir_schema_error_quark ())

typedef enum
{
  IR_SCHEMA_ERROR_UNKNOWN_ENTITY,
  IR_SCHEMA_ERROR_UNKNOWN_FIELD,
  IR_SCHEMA_ERROR_WRONG_TYPE,
  IR_SCHEMA_ERROR_OUT_OF_RANGE,
  IR_SCHEMA_ERROR_IMMUTABLE,
  IR_SCHEMA_ERROR_FORBIDDEN,
  IR_SCHEMA_ERROR_NEWER_SCHEMA,
  IR_SCHEMA_ERROR_INVALID,
} IrSchemaError;

/* Roles of room members. The server is a role of its own: only it writes
 * memberships, device keys and escalations. */
typedef enum
{
  IR_ROLE_AR        = 1 << 0,
  IR_ROLE_SR        = 1 << 1,
  IR_ROLE_FR        = 1 << 2,
  IR_ROLE_EXECUTIVE = 1 << 3,
  IR_ROLE_OBSERVER  = 1 << 4,
  IR_ROLE_SERVER    = 1 << 5,
} IrRole;

#define IR_ROLES_TRIO    (IR_ROLE_AR | IR_ROLE_SR | IR_ROLE_FR)
#define IR_ROLES_MEMBERS (IR_ROLES_TRIO | IR_ROLE_EXECUTIVE)
#define IR_ROLES_ANY     (IR_ROLES_MEMBERS | IR_ROLE_OBSERVER | IR_ROLE_SERVER)

typedef enum
{
  IR_VALUE_TEXT,      /* string; max = length in characters */
  IR_VALUE_INT,       /* 64-bit integer within [min, max] */
  IR_VALUE_REAL,      /* double within [min, max] */
  IR_VALUE_BOOL,
  IR_VALUE_ENUM,      /* string, one of enum_values */
  IR_VALUE_REF,       /* entity id (UUID string) of ref_entity */
  IR_VALUE_DATE,      /* "YYYY-MM-DD", a calendar date without zone */
  IR_VALUE_TIME,      /* integer, microseconds since the Unix epoch, UTC */
  IR_VALUE_JSON,      /* any JSON value written whole, at most 16 KiB */
  IR_VALUE_BLOB,      /* lower-case hex SHA-256 of a blob */
  IR_VALUE_POSITION,  /* fractional ordering key, see ir-position.h */
} IrValueType;

typedef enum
{
  IR_FIELD_IMMUTABLE = 1 << 0, /* set only in the transaction that creates */
  IR_FIELD_PARENT    = 1 << 1, /* a REF to the parent: deletes cascade down */
  IR_FIELD_REQUIRED  = 1 << 2, /* a creating transaction must set it */
  IR_FIELD_SEALED    = 1 << 3, /* covered by a confirmation's seal */
} IrFieldFlags;

typedef struct
{
  const char         *name;
  IrValueType         type;
  IrFieldFlags        flags;
  guint               writers;      /* IrRole mask; 0 means "as the entity" */
  gint64              min;
  gint64              max;          /* 0 with min 0: no limit */
  const char         *ref_entity;   /* IR_VALUE_REF */
  const char * const *enum_values;  /* IR_VALUE_ENUM, NULL-terminated */
  guint               since;        /* schema version that added it */
} IrFieldSpec;

typedef struct
{
  const char        *name;
  const IrFieldSpec *fields;
  guint              n_fields;
  guint              writers;       /* IrRole mask for every field by default */
  guint              since;
} IrEntitySpec;

typedef struct _IrSchema IrSchema;

#define IR_SCHEMA_VERSION 1

/* Largest JSON-encoded value of one operation, in bytes. */
#define IR_VALUE_MAX_BYTES (16 * 1024)

GQuark              ir_schema_error_quark     (void);

IrSchema           *ir_schema_get_default     (void);
IrSchema           *ir_schema_new             (guint               version,
                                               const IrEntitySpec *entities,
                                               guint               n_entities);
IrSchema           *ir_schema_new_extended    (IrSchema           *base,
                                               guint               version,
                                               const IrEntitySpec *entities,
                                               guint               n_entities);
IrSchema           *ir_schema_ref             (IrSchema           *self);
void                ir_schema_unref           (IrSchema           *self);

guint               ir_schema_get_version     (IrSchema           *self);
guint               ir_schema_get_n_entities  (IrSchema           *self);
const IrEntitySpec *ir_schema_get_entity_nth  (IrSchema           *self,
                                               guint               i);
const IrEntitySpec *ir_schema_lookup_entity   (IrSchema           *self,
                                               const char         *entity);
const IrFieldSpec  *ir_schema_lookup_field    (IrSchema           *self,
                                               const char         *entity,
                                               const char         *field);
const IrFieldSpec  *ir_schema_get_parent_field (IrSchema          *self,
                                                const char        *entity);
guint               ir_schema_field_writers   (const IrEntitySpec *entity,
                                               const IrFieldSpec  *field);

gboolean            ir_schema_validate_value  (IrSchema           *self,
                                               const char         *entity,
                                               const char         *field,
                                               JsonNode           *value,
                                               GError            **error);
gboolean            ir_schema_check_writer    (IrSchema           *self,
                                               const char         *entity,
                                               const char         *field,
                                               guint               roles,
                                               GError            **error);

const char         *ir_role_to_string         (IrRole              role);
IrRole              ir_role_from_string       (const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSchema, ir_schema_unref)

G_END_DECLS
