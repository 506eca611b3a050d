/* ir-sync-json-ops.c: reading the ops of a push or a pull straight into
 * IrOps
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The envelope of each op is checked by the rules of ir_op_new_from_json(),
 * with its messages; test-sync-json compares the two readers.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-sync-json-private.h"

/* Maximum lengths of the strings of an op envelope, in bytes, as ir-op.c
 * reads them. */
#define NAME_MAX_BYTES 64
#define ACTOR_MAX_BYTES 128

/* --- ops ----------------------------------------------------------------- */

/* The messages of ir_op_new_from_json(), for the same faults. */
typedef enum
{
  NOT_A_STRING,
  BAD_STRING,
  NOT_AN_INT,
  NO_VALUE,
  BAD_IDS,
  BAD_UUIDS,
  NOT_AN_OBJECT,
} OpFault;

static gboolean
invalid_op (GError     **error,
            OpFault      fault,
            const char  *what)
{
  switch (fault)
    {
    case NOT_A_STRING:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: “%s” is missing or not a string", what);
      break;
    case BAD_STRING:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: “%s” is empty, too long or not UTF-8", what);
      break;
    case NOT_AN_INT:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: “%s” is missing or not a non-negative integer", what);
      break;
    case NO_VALUE:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: “value” is missing", what);
      break;
    case BAD_IDS:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: ids must read CLIENT:COUNTER with a "
                   "32-digit hex client id", what);
      break;
    case BAD_UUIDS:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: entity and room ids must be UUIDs", what);
      break;
    case NOT_AN_OBJECT:
    default:
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: expected a JSON object");
      break;
    }

  return FALSE;
}

static gboolean
read_op_string (IrJsonReader  *reader,
                const char    *member,
                gsize          max_len,
                char         **out,
                GError       **error)
{
  if (!ir_sync_json_expect (reader, '"'))
    return invalid_op (error, NOT_A_STRING, member);
  if (!ir_sync_json_read_string (reader, error))
    return FALSE;
  if (reader->scratch->len == 0 || reader->scratch->len > max_len ||
      strlen (reader->scratch->str) != reader->scratch->len)
    return invalid_op (error, BAD_STRING, member);

  g_free (*out);
  *out = g_strndup (reader->scratch->str, reader->scratch->len);
  return TRUE;
}

static gboolean
read_op_int (IrJsonReader  *reader,
             const char    *member,
             gint64        *out,
             GError       **error)
{
  g_autoptr(JsonNode) node = NULL;

  ir_sync_json_skip_space (reader);
  node = reader->p < reader->end && (*reader->p == '-' || g_ascii_isdigit (*reader->p))
         ? ir_sync_json_read_number (reader, error) : NULL;
  if (node == NULL && error != NULL && *error != NULL)
    return FALSE;
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    return invalid_op (error, NOT_AN_INT, member);

  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
op_id_is_valid (const char *id)
{
  const char *colon = strchr (id, ':');
  g_autofree char *client = NULL;

  if (colon == NULL || colon[1] == '\0')
    return FALSE;

  client = g_strndup (id, colon - id);
  if (!ir_client_id_is_valid (client))
    return FALSE;

  for (const char *p = colon + 1; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  return TRUE;
}

/* Bits of the members an op must have. */
enum {
  HAS_ID = 1 << 0, HAS_ROOM = 1 << 1, HAS_TX = 1 << 2, HAS_SEEN = 1 << 3,
  HAS_ENTITY = 1 << 4, HAS_EID = 1 << 5, HAS_FIELD = 1 << 6, HAS_HLC = 1 << 7,
  HAS_ACTOR = 1 << 8, HAS_SCHEMA = 1 << 9, HAS_VALUE = 1 << 10,
  HAS_ALL = (1 << 11) - 1,
};

static const char * const required_names[] = {
  "id", "room", "tx", "seen", "entity", "eid", "field", "hlc", "actor", "schema", "value",
};

static gboolean
read_op_member (IrJsonReader  *reader,
                IrOp          *op,
                const char    *name,
                gint64        *schema,
                guint         *has,
                GError       **error)
{
  struct { const char *name; char **out; gsize max; guint bit; } strings[] = {
    { "id", &op->id, NAME_MAX_BYTES, HAS_ID },
    { "room", &op->room, NAME_MAX_BYTES, HAS_ROOM },
    { "tx", &op->tx, NAME_MAX_BYTES, HAS_TX },
    { "entity", &op->entity, NAME_MAX_BYTES, HAS_ENTITY },
    { "eid", &op->eid, NAME_MAX_BYTES, HAS_EID },
    { "field", &op->field, NAME_MAX_BYTES, HAS_FIELD },
    { "actor", &op->actor, ACTOR_MAX_BYTES, HAS_ACTOR },
  };
  struct { const char *name; gint64 *out; guint bit; } ints[] = {
    { "seen", &op->seen, HAS_SEEN },
    { "hlc", &op->hlc, HAS_HLC },
    { "schema", schema, HAS_SCHEMA },
    { "seq", &op->seq, 0 },
    { "received", &op->received, 0 },
  };
  JsonNode *value;

  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    if (g_str_equal (name, strings[i].name))
      {
        *has |= strings[i].bit;
        return read_op_string (reader, name, strings[i].max, strings[i].out, error);
      }

  for (gsize i = 0; i < G_N_ELEMENTS (ints); i++)
    if (g_str_equal (name, ints[i].name))
      {
        *has |= ints[i].bit;
        return read_op_int (reader, name, ints[i].out, error);
      }

  /* The value, and members of a newer protocol, which are skipped. */
  value = ir_sync_json_read_value (reader, 2, error);
  if (value == NULL)
    return FALSE;
  if (!g_str_equal (name, "value"))
    {
      json_node_unref (value);
      return TRUE;
    }

  json_node_seal (value);
  g_clear_pointer (&op->value, json_node_unref);
  op->value = value;
  *has |= HAS_VALUE;
  return TRUE;
}

/* Checks what ir_op_new_from_json() checks once the members are read. */
static gboolean
check_op (IrOp    *op,
          guint    has,
          gint64   schema,
          GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (required_names); i++)
    if (!(has & (1u << i)))
      {
        if (i == 10)
          return invalid_op (error, NO_VALUE, op->id ? op->id : "");
        return invalid_op (error, i == 3 || i == 7 || i == 9 ? NOT_AN_INT : NOT_A_STRING,
                           required_names[i]);
      }

  if (!op_id_is_valid (op->id) || !op_id_is_valid (op->tx))
    return invalid_op (error, BAD_IDS, op->id);

  if (!ir_uuid_is_valid (op->eid) || !ir_uuid_is_valid (op->room))
    return invalid_op (error, BAD_UUIDS, op->id);

  if (schema < 1 || schema > G_MAXUINT16)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: schema version %" G_GINT64_FORMAT " is out of range",
                   op->id, schema);
      return FALSE;
    }
  op->schema = (guint) schema;

  return TRUE;
}

static IrOp *
read_op (IrJsonReader  *reader,
         GError       **error)
{
  g_autoptr(IrOp) op = ir_op_new ();
  gint64 schema = 0;
  guint has = 0;

  if (!ir_sync_json_expect (reader, '{'))
    {
      /* A body cut short is bad JSON; an element of another type is a bad
       * op. */
      if (reader->p >= reader->end)
        ir_sync_json_fail (reader, error, "unexpected end");
      else
        invalid_op (error, NOT_AN_OBJECT, NULL);
      return NULL;
    }

  if (!ir_sync_json_expect (reader, '}'))
    for (;;)
      {
        char name[16];

        if (!ir_sync_json_expect (reader, '"') || !ir_sync_json_read_string (reader, error))
          {
            if (error && *error == NULL)
              ir_sync_json_fail (reader, error, "expected a member name");
            return NULL;
          }

        /* The member names of an op are short; a longer one is skipped. */
        g_strlcpy (name, reader->scratch->len < sizeof name ? reader->scratch->str : "", sizeof name);
        if (!ir_sync_json_expect (reader, ':'))
          {
            ir_sync_json_fail (reader, error, "expected “:”");
            return NULL;
          }
        if (!read_op_member (reader, op, name, &schema, &has, error))
          return NULL;

        if (ir_sync_json_expect (reader, '}'))
          break;
        if (!ir_sync_json_expect (reader, ','))
          {
            ir_sync_json_fail (reader, error, "expected “,” or “}”");
            return NULL;
          }
      }

  if (!check_op (op, has, schema, error))
    return NULL;

  return g_steal_pointer (&op);
}

static GPtrArray *
read_ops (IrJsonReader  *reader,
          GError       **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  if (!ir_sync_json_expect (reader, '['))
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_JSON,
                   _("“ops” must be an array of operations."));
      return NULL;
    }

  if (!ir_sync_json_expect (reader, ']'))
    for (;;)
      {
        g_autoptr(GError) op_error = NULL;
        IrOp *op = read_op (reader, &op_error);

        if (op == NULL)
          {
            g_set_error (error, IR_SYNC_ERROR,
                         op_error->domain == IR_SCHEMA_ERROR ? IR_SYNC_ERROR_INVALID_OP
                                                             : IR_SYNC_ERROR_INVALID_JSON,
                         _("Operation %u is invalid: %s"), ops->len + 1, op_error->message);
            return NULL;
          }
        g_ptr_array_add (ops, op);

        if (ir_sync_json_expect (reader, ']'))
          break;
        if (!ir_sync_json_expect (reader, ','))
          {
            g_autoptr(GError) syntax = NULL;

            ir_sync_json_fail (reader, &syntax, "expected “,” or “]”");
            g_set_error_literal (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_JSON,
                                 syntax->message);
            return NULL;
          }
      }

  return g_steal_pointer (&ops);
}

/**
 * ir_sync_read_ops:
 * @text: a JSON object with an "ops" array, such as a push or a page of a
 *   pull
 * @rest: (out) (optional) (transfer full): the object's other members
 *
 * Reads the ops of a push or a pull and checks their envelopes.
 *
 * Returns: (transfer full) (element-type IrOp): the ops, or %NULL with
 *   @error set: IR_SYNC_ERROR_INVALID_JSON for a body that is not such an
 *   object, IR_SYNC_ERROR_INVALID_OP naming the first invalid op
 */
GPtrArray *
ir_sync_read_ops (const char  *text,
                  gsize        length,
                  JsonObject **rest,
                  GError     **error)
{
  g_autoptr(GString) scratch = g_string_sized_new (256);
  IrJsonReader reader = { text, text + length, text, scratch };
  g_autoptr(JsonObject) others = json_object_new ();
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GError) local_error = NULL;

  if (rest != NULL)
    *rest = NULL;

  if (!ir_sync_json_expect (&reader, '{'))
    goto invalid;

  if (!ir_sync_json_expect (&reader, '}'))
    for (;;)
      {
        g_autofree char *name = NULL;

        if (!ir_sync_json_expect (&reader, '"') || !ir_sync_json_read_string (&reader, &local_error))
          goto invalid;
        name = g_strndup (scratch->str, scratch->len);
        if (!ir_sync_json_expect (&reader, ':'))
          goto invalid;

        if (g_str_equal (name, "ops") && ops == NULL)
          {
            ops = read_ops (&reader, error);
            if (ops == NULL)
              return NULL;
          }
        else
          {
            JsonNode *member = ir_sync_json_read_value (&reader, 1, &local_error);

            if (member == NULL)
              goto invalid;
            json_node_seal (member);
            json_object_set_member (others, name, member);
          }

        if (ir_sync_json_expect (&reader, '}'))
          break;
        if (!ir_sync_json_expect (&reader, ','))
          goto invalid;
      }

  ir_sync_json_skip_space (&reader);
  if (reader.p != reader.end)
    goto invalid;

  if (ops == NULL)
    {
      g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_JSON,
                   _("The body has no “ops” array of operations."));
      return NULL;
    }

  if (rest != NULL)
    *rest = g_steal_pointer (&others);
  return g_steal_pointer (&ops);

invalid:
  if (local_error == NULL)
    ir_sync_json_fail (&reader, &local_error, "expected a JSON object with an “ops” array");
  g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_JSON,
               _("The body is not a JSON object with an “ops” array: %s"), local_error->message);
  return NULL;
}
