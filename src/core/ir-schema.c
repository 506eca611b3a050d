/* ir-schema.c: lookups and validation over the declarative schema
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ir-position.h"
#include "ir-schema.h"
#include "ir-schema-private.h"

struct _IrSchema
{
  gatomicrefcount  ref_count;
  guint            version;
  GPtrArray       *entities;  /* const IrEntitySpec*, not owned */
  GHashTable      *by_name;   /* name → const IrEntitySpec* */
  GHashTable      *fields;    /* "entity\nfield" → const IrFieldSpec* */
};

G_DEFINE_QUARK (ir-schema-error-quark, ir_schema_error)

/* Every entity has this field: deleting sets it on the root of what is
 * deleted, and restoring clears it. */
static const IrFieldSpec deleted_field = {
  .name = "deleted", .type = IR_VALUE_BOOL, .since = 1,
};

static char *
field_key (const char *entity,
           const char *field)
{
  return g_strconcat (entity, "\n", field, NULL);
}

static void
add_entities (IrSchema           *self,
              const IrEntitySpec *entities,
              guint               n_entities)
{
  for (guint i = 0; i < n_entities; i++)
    {
      const IrEntitySpec *spec = &entities[i];
      const IrEntitySpec *old = g_hash_table_lookup (self->by_name, spec->name);

      /* An extension may add fields to an entity: its spec then lists the
       * new fields only and keeps the old ones reachable. */
      if (old == NULL)
        {
          g_ptr_array_add (self->entities, (gpointer) spec);
          g_hash_table_insert (self->by_name, (gpointer) spec->name, (gpointer) spec);
        }

      for (guint j = 0; j < spec->n_fields; j++)
        g_hash_table_insert (self->fields,
                             field_key (spec->name, spec->fields[j].name),
                             (gpointer) &spec->fields[j]);
    }
}

IrSchema *
ir_schema_new (guint               version,
               const IrEntitySpec *entities,
               guint               n_entities)
{
  IrSchema *self = g_new0 (IrSchema, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->version = version;
  self->entities = g_ptr_array_new ();
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_entities (self, entities, n_entities);

  return self;
}

/**
 * ir_schema_new_extended:
 *
 * Makes a newer schema from @base and further entities, or further fields of
 * entities @base has. Used by tests to play a replica that upgraded.
 */
IrSchema *
ir_schema_new_extended (IrSchema           *base,
                        guint               version,
                        const IrEntitySpec *entities,
                        guint               n_entities)
{
  IrSchema *self = ir_schema_new (version, NULL, 0);

  for (guint i = 0; i < base->entities->len; i++)
    add_entities (self, g_ptr_array_index (base->entities, i), 1);
  add_entities (self, entities, n_entities);

  return self;
}

IrSchema *
ir_schema_get_default (void)
{
  static IrSchema *schema;

  if (g_once_init_enter (&schema))
    {
      guint n = 0;
      const IrEntitySpec *entities = ir_schema_builtin_entities (&n);

      g_once_init_leave (&schema, ir_schema_new (IR_SCHEMA_VERSION, entities, n));
    }

  return schema;
}

IrSchema *
ir_schema_ref (IrSchema *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ir_schema_unref (IrSchema *self)
{
  if (self == ir_schema_get_default ())
    return;

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->entities);
      g_hash_table_unref (self->by_name);
      g_hash_table_unref (self->fields);
      g_free (self);
    }
}

guint
ir_schema_get_version (IrSchema *self)
{
  return self->version;
}

guint
ir_schema_get_n_entities (IrSchema *self)
{
  return self->entities->len;
}

const IrEntitySpec *
ir_schema_get_entity_nth (IrSchema *self,
                          guint     i)
{
  return g_ptr_array_index (self->entities, i);
}

const IrEntitySpec *
ir_schema_lookup_entity (IrSchema   *self,
                         const char *entity)
{
  return g_hash_table_lookup (self->by_name, entity);
}

const IrFieldSpec *
ir_schema_lookup_field (IrSchema   *self,
                        const char *entity,
                        const char *field)
{
  char key[160];

  if (strcmp (field, "deleted") == 0)
    return ir_schema_lookup_entity (self, entity) ? &deleted_field : NULL;

  if (strlen (entity) + strlen (field) + 2 > sizeof key)
    return NULL;

  g_snprintf (key, sizeof key, "%s\n%s", entity, field);
  return g_hash_table_lookup (self->fields, key);
}

/* Lists every field of @entity, extensions included, in declaration order. */
GPtrArray *
ir_schema_list_fields (IrSchema   *self,
                       const char *entity)
{
  GPtrArray *fields = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;
  g_autofree char *prefix = g_strconcat (entity, "\n", NULL);
  const IrEntitySpec *spec = ir_schema_lookup_entity (self, entity);

  if (spec == NULL)
    return fields;

  for (guint i = 0; i < spec->n_fields; i++)
    g_ptr_array_add (fields, (gpointer) &spec->fields[i]);

  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, prefix) && !g_ptr_array_find (fields, value, NULL))
      g_ptr_array_add (fields, value);

  return fields;
}

const IrFieldSpec *
ir_schema_get_parent_field (IrSchema   *self,
                            const char *entity)
{
  const IrEntitySpec *spec = ir_schema_lookup_entity (self, entity);

  if (spec == NULL)
    return NULL;

  for (guint i = 0; i < spec->n_fields; i++)
    if (spec->fields[i].flags & IR_FIELD_PARENT)
      return &spec->fields[i];

  return NULL;
}

guint
ir_schema_field_writers (const IrEntitySpec *entity,
                         const IrFieldSpec  *field)
{
  return field->writers != 0 ? field->writers : entity->writers;
}

/* --- validation ---------------------------------------------------------- */

static gboolean
date_is_valid (const char *text)
{
  int y, m, d;
  char end;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;

  return y >= 1900 && y <= 2200 && g_date_valid_dmy (d, m, y);
}

static gboolean
hex_digest_is_valid (const char *text)
{
  if (strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

static const char *
value_type_name (IrValueType type)
{
  static const char * const names[] = {
    "text", "integer", "number", "boolean", "choice", "reference", "date",
    "time", "JSON", "file hash", "position",
  };

  return names[type];
}

static gboolean
fail (GError            **error,
      IrSchemaError       code,
      const char         *entity,
      const IrFieldSpec  *spec,
      const char         *detail)
{
  g_set_error (error, IR_SCHEMA_ERROR, code,
               "Invalid value for %s.%s: %s", entity, spec->name, detail);
  return FALSE;
}

static gboolean
validate_scalar (const char         *entity,
                 const IrFieldSpec  *spec,
                 JsonNode           *value,
                 GError            **error)
{
  GType type = json_node_get_value_type (value);
  g_autofree char *detail = NULL;

  switch (spec->type)
    {
    case IR_VALUE_TEXT:
    case IR_VALUE_ENUM:
    case IR_VALUE_REF:
    case IR_VALUE_DATE:
    case IR_VALUE_BLOB:
    case IR_VALUE_POSITION:
      if (type != G_TYPE_STRING)
        break;
      {
        const char *text = json_node_get_string (value);

        if (!g_utf8_validate (text, -1, NULL))
          return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec, "not UTF-8");

        if (spec->type == IR_VALUE_TEXT && spec->max > 0 &&
            g_utf8_strlen (text, -1) > spec->max)
          {
            detail = g_strdup_printf ("longer than %" G_GINT64_FORMAT " characters",
                                      spec->max);
            return fail (error, IR_SCHEMA_ERROR_OUT_OF_RANGE, entity, spec, detail);
          }
        if (spec->type == IR_VALUE_TEXT && spec->min > 0 &&
            g_utf8_strlen (text, -1) < spec->min)
          return fail (error, IR_SCHEMA_ERROR_OUT_OF_RANGE, entity, spec, "too short");

        if (spec->type == IR_VALUE_ENUM && !g_strv_contains (spec->enum_values, text))
          {
            g_autofree char *allowed = g_strjoinv (", ", (char **) spec->enum_values);

            detail = g_strdup_printf ("“%s” is not one of %s", text, allowed);
            return fail (error, IR_SCHEMA_ERROR_OUT_OF_RANGE, entity, spec, detail);
          }
        if (spec->type == IR_VALUE_REF && !g_uuid_string_is_valid (text))
          return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec,
                       "a reference must be an entity id (UUID)");
        if (spec->type == IR_VALUE_DATE && !date_is_valid (text))
          {
            detail = g_strdup_printf ("“%s” is not a date of the form YYYY-MM-DD", text);
            return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec, detail);
          }
        if (spec->type == IR_VALUE_BLOB && !hex_digest_is_valid (text))
          return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec,
                       "a file reference must be 64 lower-case hex digits (SHA-256)");
        if (spec->type == IR_VALUE_POSITION && !ir_position_is_valid (text))
          return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec,
                       "not a valid position key");
        return TRUE;
      }

    case IR_VALUE_INT:
    case IR_VALUE_TIME:
      if (type != G_TYPE_INT64)
        break;
      if ((spec->min != 0 || spec->max != 0) &&
          (json_node_get_int (value) < spec->min || json_node_get_int (value) > spec->max))
        {
          detail = g_strdup_printf ("%" G_GINT64_FORMAT " is outside %" G_GINT64_FORMAT
                                    "–%" G_GINT64_FORMAT, json_node_get_int (value),
                                    spec->min, spec->max);
          return fail (error, IR_SCHEMA_ERROR_OUT_OF_RANGE, entity, spec, detail);
        }
      return TRUE;

    case IR_VALUE_REAL:
      if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
        break;
      {
        double number = json_node_get_double (value);

        if (!isfinite (number))
          return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec, "not a finite number");
        if ((spec->min != 0 || spec->max != 0) && (number < spec->min || number > spec->max))
          {
            detail = g_strdup_printf ("%g is outside %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT,
                                      number, spec->min, spec->max);
            return fail (error, IR_SCHEMA_ERROR_OUT_OF_RANGE, entity, spec, detail);
          }
        return TRUE;
      }

    case IR_VALUE_BOOL:
      if (type == G_TYPE_BOOLEAN)
        return TRUE;
      break;

    case IR_VALUE_JSON:
      return TRUE;

    default:
      break;
    }

  detail = g_strdup_printf ("expected %s", value_type_name (spec->type));
  return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec, detail);
}

/**
 * ir_schema_validate_value:
 *
 * Checks that @value fits @field of @entity: known names, its type and its
 * limits. JSON null clears a field and fits every field that is not required.
 */
gboolean
ir_schema_validate_value (IrSchema    *self,
                          const char  *entity,
                          const char  *field,
                          JsonNode    *value,
                          GError     **error)
{
  const IrFieldSpec *spec;

  if (ir_schema_lookup_entity (self, entity) == NULL)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_UNKNOWN_ENTITY,
                   "Unknown entity type “%s” (field “%s”)", entity, field);
      return FALSE;
    }

  spec = ir_schema_lookup_field (self, entity, field);
  if (spec == NULL)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_UNKNOWN_FIELD,
                   "Unknown field “%s” of entity type “%s”", field, entity);
      return FALSE;
    }

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    {
      if (spec->flags & IR_FIELD_REQUIRED)
        return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec,
                     "the field is required and cannot be cleared");
      return TRUE;
    }

  if (spec->type == IR_VALUE_JSON)
    {
      g_autofree char *text = json_to_string (value, FALSE);

      if (strlen (text) > IR_VALUE_MAX_BYTES)
        return fail (error, IR_SCHEMA_ERROR_OUT_OF_RANGE, entity, spec,
                     "larger than 16 KiB; store large data as a file");
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (value))
    {
      g_autofree char *detail = g_strdup_printf ("expected %s, not an object or array",
                                                 value_type_name (spec->type));
      return fail (error, IR_SCHEMA_ERROR_WRONG_TYPE, entity, spec, detail);
    }

  return validate_scalar (entity, spec, value, error);
}

gboolean
ir_schema_check_writer (IrSchema    *self,
                        const char  *entity,
                        const char  *field,
                        guint        roles,
                        GError     **error)
{
  const IrEntitySpec *espec = ir_schema_lookup_entity (self, entity);
  const IrFieldSpec *fspec = ir_schema_lookup_field (self, entity, field);

  if (espec == NULL || fspec == NULL)
    return ir_schema_validate_value (self, entity, field, NULL, error);

  if ((ir_schema_field_writers (espec, fspec) & roles) == 0)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN,
                   "Not allowed: your role may not change %s.%s", entity, field);
      return FALSE;
    }

  return TRUE;
}

/* --- roles --------------------------------------------------------------- */

static const struct
{
  IrRole      role;
  const char *name;
} role_names[] = {
  { IR_ROLE_AR, "AR" },
  { IR_ROLE_SR, "SR" },
  { IR_ROLE_FR, "FR" },
  { IR_ROLE_EXECUTIVE, "executive" },
  { IR_ROLE_OBSERVER, "observer" },
  { IR_ROLE_SERVER, "server" },
};

const char *
ir_role_to_string (IrRole role)
{
  for (gsize i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (role_names[i].role == role)
      return role_names[i].name;

  return NULL;
}

/* Returns 0 for a name that is not a role. */
IrRole
ir_role_from_string (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_ascii_strcasecmp (role_names[i].name, name) == 0)
      return role_names[i].role;

  return 0;
}
