/* ir-sync-protocol.c: what the sync server and client share: limits, error
 * codes and the JSON encoding of ops
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-sync-protocol.h"

G_DEFINE_QUARK (ir-sync-error-quark, ir_sync_error)

/* --- error codes --------------------------------------------------------- */

static const struct
{
  IrSyncError  error;
  const char  *code;
  guint        status;
} error_codes[] = {
  { IR_SYNC_ERROR_FAILED, "failed", 500 },
  { IR_SYNC_ERROR_NETWORK, "network", 0 },
  { IR_SYNC_ERROR_INVALID_REQUEST, "invalid_request", 400 },
  { IR_SYNC_ERROR_INVALID_JSON, "invalid_json", 400 },
  { IR_SYNC_ERROR_INVALID_OP, "invalid_op", 400 },
  { IR_SYNC_ERROR_INVALID_HASH, "invalid_hash", 400 },
  { IR_SYNC_ERROR_HASH_MISMATCH, "hash_mismatch", 400 },
  { IR_SYNC_ERROR_UNAUTHORIZED, "unauthorized", 401 },
  { IR_SYNC_ERROR_INVALID_CREDENTIALS, "invalid_credentials", 401 },
  { IR_SYNC_ERROR_INVALID_TOKEN, "invalid_token", 401 },
  { IR_SYNC_ERROR_TOKEN_EXPIRED, "token_expired", 401 },
  { IR_SYNC_ERROR_TOKEN_REVOKED, "token_revoked", 401 },
  { IR_SYNC_ERROR_NOT_MEMBER, "not_member", 403 },
  { IR_SYNC_ERROR_FORBIDDEN, "forbidden", 403 },
  { IR_SYNC_ERROR_FORBIDDEN_OP, "forbidden_op", 403 },
  { IR_SYNC_ERROR_NOT_FOUND, "not_found", 404 },
  { IR_SYNC_ERROR_CLOCK_AHEAD, "clock_ahead", 409 },
  { IR_SYNC_ERROR_CLIENT_ID_REUSED, "client_id_reused", 409 },
  { IR_SYNC_ERROR_BLOB_MISSING, "blob_missing", 409 },
  { IR_SYNC_ERROR_CONFLICT, "conflict", 409 },
  { IR_SYNC_ERROR_TOO_LARGE, "too_large", 413 },
  { IR_SYNC_ERROR_BATCH_TOO_LARGE, "batch_too_large", 413 },
  { IR_SYNC_ERROR_RATE_LIMITED, "rate_limited", 429 },
  { IR_SYNC_ERROR_INTERNAL, "internal", 500 },
  { IR_SYNC_ERROR_NOT_IMPLEMENTED, "not_implemented", 501 },
};

const char *
ir_sync_error_to_code (IrSyncError error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (error_codes); i++)
    if (error_codes[i].error == error)
      return error_codes[i].code;

  return "failed";
}

/* Maps a protocol error code to its enum; unknown codes of a newer server
 * read as IR_SYNC_ERROR_FAILED. */
IrSyncError
ir_sync_error_from_code (const char *code)
{
  for (gsize i = 0; code != NULL && i < G_N_ELEMENTS (error_codes); i++)
    if (g_str_equal (error_codes[i].code, code))
      return error_codes[i].error;

  return IR_SYNC_ERROR_FAILED;
}

/* Returns the HTTP status of the server's response for @error. */
guint
ir_sync_error_to_status (IrSyncError error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (error_codes); i++)
    if (error_codes[i].error == error)
      return error_codes[i].status;

  return 500;
}

/* --- encoding ------------------------------------------------------------ */

/* Appends @text as a JSON string. The text is UTF-8 already, so only
 * quotes, backslashes and control characters need escapes. */
void
ir_sync_append_json_string (GString    *out,
                            const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *name,
               const char *value)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\":");
  ir_sync_append_json_string (out, value ? value : "");
  g_string_append_c (out, ',');
}

/* Appends @op as the JSON object ir_op_to_json() builds, without building
 * the tree: pushes and pulls encode thousands of ops at once. */
void
ir_sync_append_op (GString    *out,
                   const IrOp *op)
{
  g_autofree char *value = ir_json_to_string (op->value);

  g_string_append_c (out, '{');
  append_member (out, "id", op->id);
  append_member (out, "room", op->room);
  append_member (out, "tx", op->tx);
  g_string_append_printf (out, "\"seen\":%" G_GINT64_FORMAT ",", op->seen);
  append_member (out, "entity", op->entity);
  append_member (out, "eid", op->eid);
  append_member (out, "field", op->field);
  g_string_append (out, "\"value\":");
  g_string_append (out, value);
  g_string_append_printf (out, ",\"hlc\":%" G_GINT64_FORMAT ",", op->hlc);
  append_member (out, "actor", op->actor);
  g_string_append_printf (out, "\"schema\":%u", op->schema);
  if (op->seq > 0)
    g_string_append_printf (out, ",\"seq\":%" G_GINT64_FORMAT, op->seq);
  if (op->received > 0)
    g_string_append_printf (out, ",\"received\":%" G_GINT64_FORMAT, op->received);
  g_string_append_c (out, '}');
}

/* Appends @ops as a JSON array. */
void
ir_sync_append_ops (GString   *out,
                    GPtrArray *ops)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < ops->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ir_sync_append_op (out, g_ptr_array_index (ops, i));
    }
  g_string_append_c (out, ']');
}

/* Returns the array @member of @object, or %NULL when it is missing or not
 * an array: what json_object_get_array_member() refuses with a critical. */
JsonArray *
ir_sync_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  return node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonNode *
get_value (JsonObject *object,
           const char *member,
           GType       type)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    return NULL;

  return node;
}

/* Returns the string @member of @object, or %NULL when it is missing or
 * of another type. */
const char *
ir_sync_get_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_value (object, member, G_TYPE_STRING);

  return node ? json_node_get_string (node) : NULL;
}

gint64
ir_sync_get_int (JsonObject *object,
                 const char *member,
                 gint64      fallback)
{
  JsonNode *node = get_value (object, member, G_TYPE_INT64);

  return node ? json_node_get_int (node) : fallback;
}

gboolean
ir_sync_get_boolean (JsonObject *object,
                     const char *member,
                     gboolean    fallback)
{
  JsonNode *node = get_value (object, member, G_TYPE_BOOLEAN);

  return node ? json_node_get_boolean (node) : fallback;
}

/**
 * ir_sync_parse_ops:
 * @array: a JSON array of ops
 *
 * Reads and checks the envelope of every op in @array.
 *
 * Returns: (transfer full) (element-type IrOp): the ops, or %NULL with
 *   @error naming the position of the first invalid one
 */
GPtrArray *
ir_sync_parse_ops (JsonArray  *array,
                   GError    **error)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  guint n = json_array_get_length (array);

  g_ptr_array_set_size (ops, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      IrOp *op = ir_op_new_from_json (json_array_get_element (array, i), &local_error);

      if (op == NULL)
        {
          g_set_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_OP,
                       _("Operation %u of %u is invalid: %s"), i + 1, n, local_error->message);
          return NULL;
        }
      g_ptr_array_add (ops, op);
    }

  return g_steal_pointer (&ops);
}
