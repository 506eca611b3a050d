/* ir-op.c: one operation, which sets one field of one entity
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <sodium.h>

#include "ir-op.h"
#include "ir-schema.h"

G_DEFINE_BOXED_TYPE (IrOp, ir_op, ir_op_copy, ir_op_free)

#define CLIENT_ID_LEN 32

IrOp *
ir_op_new (void)
{
  return g_new0 (IrOp, 1);
}

IrOp *
ir_op_copy (const IrOp *op)
{
  IrOp *copy = g_new0 (IrOp, 1);

  copy->id = g_strdup (op->id);
  copy->room = g_strdup (op->room);
  copy->tx = g_strdup (op->tx);
  copy->seen = op->seen;
  copy->entity = g_strdup (op->entity);
  copy->eid = g_strdup (op->eid);
  copy->field = g_strdup (op->field);
  copy->value = op->value ? json_node_copy (op->value) : NULL;
  copy->hlc = op->hlc;
  copy->actor = g_strdup (op->actor);
  copy->schema = op->schema;
  copy->seq = op->seq;
  copy->received = op->received;

  return copy;
}

void
ir_op_free (IrOp *op)
{
  if (op == NULL)
    return;

  g_free (op->id);
  g_free (op->room);
  g_free (op->tx);
  g_free (op->entity);
  g_free (op->eid);
  g_free (op->field);
  g_clear_pointer (&op->value, json_node_unref);
  g_free (op->actor);
  g_free (op);
}

/* --- identifiers --------------------------------------------------------- */

gboolean
ir_client_id_is_valid (const char *client)
{
  if (client == NULL || strlen (client) != CLIENT_ID_LEN)
    return FALSE;

  for (const char *p = client; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

/* Client ids come from the kernel's random source through libsodium, never
 * from a seeded generator, because two replicas must never share one. */
char *
ir_client_id_new (void)
{
  guint8 bytes[CLIENT_ID_LEN / 2];
  char hex[CLIENT_ID_LEN + 1];

  if (sodium_init () < 0)
    g_error ("libsodium failed to initialise its random source");

  randombytes_buf (bytes, sizeof bytes);
  sodium_bin2hex (hex, sizeof hex, bytes, sizeof bytes);

  return g_strdup (hex);
}

char *
ir_uuid_new (void)
{
  return g_uuid_string_random ();
}

gboolean
ir_uuid_is_valid (const char *text)
{
  return text != NULL && g_uuid_string_is_valid (text);
}

const char *
ir_op_get_client (const IrOp *op,
                  gsize      *len)
{
  const char *colon = strchr (op->id, ':');

  *len = colon ? (gsize) (colon - op->id) : strlen (op->id);
  return op->id;
}

guint64
ir_op_get_counter (const IrOp *op)
{
  const char *colon = strchr (op->id, ':');

  return colon ? g_ascii_strtoull (colon + 1, NULL, 10) : 0;
}

static gboolean
same_client (const IrOp *a,
             const IrOp *b)
{
  gsize la, lb;
  const char *ca = ir_op_get_client (a, &la);
  const char *cb = ir_op_get_client (b, &lb);

  return la == lb && memcmp (ca, cb, la) == 0;
}

/**
 * ir_op_has_seen:
 *
 * Whether the author of @a had applied @b when writing @a: @b came earlier
 * from the same client, or the server had stored @b at a sequence the
 * author of @a had already pulled.
 */
gboolean
ir_op_has_seen (const IrOp *a,
                const IrOp *b)
{
  if (same_client (a, b))
    return ir_op_get_counter (a) > ir_op_get_counter (b);

  return b->seq > 0 && b->seq <= a->seen;
}

gboolean
ir_op_is_concurrent (const IrOp *a,
                     const IrOp *b)
{
  return !ir_op_has_seen (a, b) && !ir_op_has_seen (b, a);
}

/* Orders writes: the higher (clock, client id) wins everywhere. */
int
ir_op_compare_clock (const IrOp *a,
                     const IrOp *b)
{
  gsize la, lb;
  const char *ca, *cb;
  int cmp;

  if (a->hlc != b->hlc)
    return a->hlc < b->hlc ? -1 : 1;

  ca = ir_op_get_client (a, &la);
  cb = ir_op_get_client (b, &lb);
  cmp = memcmp (ca, cb, MIN (la, lb));
  if (cmp != 0)
    return cmp < 0 ? -1 : 1;
  if (la != lb)
    return la < lb ? -1 : 1;

  return 0;
}

/* --- JSON ---------------------------------------------------------------- */

/**
 * ir_json_to_string:
 * @node: (nullable): a JSON value
 *
 * Writes @node as compact JSON, the same text json_to_string() writes.
 * Scalars, which are nearly every op's value, skip the JsonGenerator
 * object that json_to_string() builds on every call.
 */
char *
ir_json_to_string (JsonNode *node)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");

  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");

  return json_to_string (node, FALSE);
}

JsonNode *
ir_op_to_json (const IrOp *op)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, op->id);
  json_builder_set_member_name (builder, "room");
  json_builder_add_string_value (builder, op->room);
  json_builder_set_member_name (builder, "tx");
  json_builder_add_string_value (builder, op->tx);
  json_builder_set_member_name (builder, "seen");
  json_builder_add_int_value (builder, op->seen);
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, op->entity);
  json_builder_set_member_name (builder, "eid");
  json_builder_add_string_value (builder, op->eid);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, op->field);
  json_builder_set_member_name (builder, "value");
  if (op->value)
    json_builder_add_value (builder, json_node_copy (op->value));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "hlc");
  json_builder_add_int_value (builder, op->hlc);
  json_builder_set_member_name (builder, "actor");
  json_builder_add_string_value (builder, op->actor);
  json_builder_set_member_name (builder, "schema");
  json_builder_add_int_value (builder, op->schema);
  if (op->seq > 0)
    {
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, op->seq);
    }
  if (op->received > 0)
    {
      json_builder_set_member_name (builder, "received");
      json_builder_add_int_value (builder, op->received);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
ir_op_to_string (const IrOp *op)
{
  g_autoptr(JsonNode) node = ir_op_to_json (op);

  return json_to_string (node, FALSE);
}

static gboolean
read_string (JsonObject  *object,
             const char  *member,
             char       **out,
             gsize        max_len,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: “%s” is missing or not a string", member);
      return FALSE;
    }

  text = json_node_get_string (node);
  if (*text == '\0' || strlen (text) > max_len || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: “%s” is empty, too long or not UTF-8", member);
      return FALSE;
    }

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
read_int (JsonObject  *object,
          const char  *member,
          gboolean     required,
          gint64      *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && !required)
    {
      *out = 0;
      return TRUE;
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: “%s” is missing or not a non-negative integer",
                   member);
      return FALSE;
    }

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

/**
 * ir_op_new_from_json:
 *
 * Reads an operation and checks its envelope: ids, types and sizes. Whether
 * the schema allows the field and its value is checked by the store.
 */
IrOp *
ir_op_new_from_json (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(IrOp) op = ir_op_new ();
  JsonObject *object;
  JsonNode *value;
  gint64 schema = 0;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation: expected a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);

  if (!read_string (object, "id", &op->id, 64, error) ||
      !read_string (object, "room", &op->room, 64, error) ||
      !read_string (object, "tx", &op->tx, 64, error) ||
      !read_int (object, "seen", TRUE, &op->seen, error) ||
      !read_string (object, "entity", &op->entity, 64, error) ||
      !read_string (object, "eid", &op->eid, 64, error) ||
      !read_string (object, "field", &op->field, 64, error) ||
      !read_int (object, "hlc", TRUE, &op->hlc, error) ||
      !read_string (object, "actor", &op->actor, 128, error) ||
      !read_int (object, "schema", TRUE, &schema, error) ||
      !read_int (object, "seq", FALSE, &op->seq, error) ||
      !read_int (object, "received", FALSE, &op->received, error))
    return NULL;

  if (!op_id_is_valid (op->id) || !op_id_is_valid (op->tx))
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: ids must read CLIENT:COUNTER with a "
                   "32-digit hex client id", op->id);
      return NULL;
    }

  if (!ir_uuid_is_valid (op->eid) || !ir_uuid_is_valid (op->room))
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: entity and room ids must be UUIDs", op->id);
      return NULL;
    }

  if (schema < 1 || schema > G_MAXUINT16)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: schema version %" G_GINT64_FORMAT
                   " is out of range", op->id, schema);
      return NULL;
    }
  op->schema = (guint) schema;

  value = json_object_get_member (object, "value");
  if (value == NULL)
    {
      g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                   "Invalid operation “%s”: “value” is missing", op->id);
      return NULL;
    }
  op->value = json_node_copy (value);

  return g_steal_pointer (&op);
}

IrOp *
ir_op_new_from_string (const char  *text,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;

  return ir_op_new_from_json (json_parser_get_root (parser), error);
}

static gboolean
json_equal (JsonNode *a,
            JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

/* Same id, different content is how a reused client id shows itself. */
gboolean
ir_op_same_content (const IrOp *a,
                    const IrOp *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->room, b->room) == 0 &&
         g_strcmp0 (a->tx, b->tx) == 0 &&
         g_strcmp0 (a->entity, b->entity) == 0 &&
         g_strcmp0 (a->eid, b->eid) == 0 &&
         g_strcmp0 (a->field, b->field) == 0 &&
         a->hlc == b->hlc &&
         a->seen == b->seen &&
         g_strcmp0 (a->actor, b->actor) == 0 &&
         a->schema == b->schema &&
         json_equal (a->value, b->value);
}
