/* ir-server-push.c: checking and storing a push
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A push is refused whole at the first failed check, in the order that
 * docs/sync-protocol.md gives: envelope, author, clock, repeats, schema,
 * files. Then its new ops get the room's next sequences and are applied in
 * one SQLite transaction on the room's store.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-hlc.h"
#include "ir-server-private.h"

/* --- push ---------------------------------------------------------------- */

static void
refuse_op (SoupServerMessage *msg,
           IrSyncError        code,
           IrOp              *op,
           const char        *message)
{
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_string_member (extra, "op", op->id);
  json_object_set_string_member (extra, "tx", op->tx);
  ir_server_reply_error (msg, code, g_steal_pointer (&extra), "%s", message);
}

/* Checks one new op against the schema: value, writer role, the type of an
 * existing entity and immutable fields. */
static gboolean
check_schema (IrServerRoom      *self,
              SoupServerMessage *msg,
              IrOp              *op,
              guint              roles,
              GHashTable        *kinds)
{
  IrSchema *schema = ir_store_get_schema (self->store);
  const IrFieldSpec *spec = ir_schema_lookup_field (schema, op->entity, op->field);
  g_autoptr(GError) error = NULL;
  const char *kind;

  /* An op of a newer schema waits in the log until the server upgrades. */
  if (op->schema > ir_schema_get_version (schema) && spec == NULL)
    return TRUE;

  /* The value's type and limits are checked when the batch applies; an
   * unknown field is refused here, before the checks that need its spec. */
  if (spec == NULL && !ir_schema_validate_value (schema, op->entity, op->field, op->value, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Operation %s is invalid: %s"),
                                                  op->id, error->message);

      refuse_op (msg, IR_SYNC_ERROR_INVALID_OP, op, message);
      return FALSE;
    }

  if (!ir_schema_check_writer (schema, op->entity, op->field, roles, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Operation %s is not allowed: your role "
                                                    "may not change %s.%s."),
                                                  op->id, op->entity, op->field);

      refuse_op (msg, IR_SYNC_ERROR_FORBIDDEN_OP, op, message);
      return FALSE;
    }

  /* Many ops of a batch touch the same entities: look each up once. An
   * entity the batch creates has no type yet, cached as "". */
  kind = g_hash_table_lookup (kinds, op->eid);
  if (kind == NULL)
    {
      char *found = ir_store_get_entity_kind (self->store, op->eid);

      kind = found ? found : g_strdup ("");
      g_hash_table_insert (kinds, g_strdup (op->eid), (char *) kind);
    }
  if (*kind == '\0')
    kind = NULL;

  if (kind != NULL && !g_str_equal (kind, op->entity))
    {
      g_autofree char *message = g_strdup_printf (_("Operation %s is invalid: entity %s is a "
                                                    "%s, not a %s."),
                                                  op->id, op->eid, kind, op->entity);

      refuse_op (msg, IR_SYNC_ERROR_INVALID_OP, op, message);
      return FALSE;
    }

  if (kind != NULL && (spec->flags & IR_FIELD_IMMUTABLE))
    {
      g_autoptr(JsonNode) current = ir_store_get_field_value (self->store, op->eid, op->field);

      if (current != NULL && !json_node_equal (current, op->value))
        {
          g_autofree char *message = g_strdup_printf (_("Operation %s is invalid: %s.%s is "
                                                        "fixed once the %s is created."),
                                                      op->id, op->entity, op->field,
                                                      op->entity);

          refuse_op (msg, IR_SYNC_ERROR_INVALID_OP, op, message);
          return FALSE;
        }
    }

  return TRUE;
}

/* Refuses a batch the store refused for a value, naming the first op whose
 * value the schema does not allow. */
static void
refuse_invalid_value (IrServerRoom      *self,
                      SoupServerMessage *msg,
                      GPtrArray         *ops,
                      GError            *apply_error)
{
  IrSchema *schema = ir_store_get_schema (self->store);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (op->schema > ir_schema_get_version (schema) ||
          ir_schema_validate_value (schema, op->entity, op->field, op->value, &error))
        continue;

      message = g_strdup_printf (_("Operation %s is invalid: %s"), op->id, error->message);
      refuse_op (msg, IR_SYNC_ERROR_INVALID_OP, op, message);
      return;
    }

  ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_OP, NULL, "%s", apply_error->message);
}

/* Collects the blob hashes that @ops name. */
static GPtrArray *
collect_blobs (IrServerRoom *self,
               GPtrArray    *ops)
{
  IrSchema *schema = ir_store_get_schema (self->store);
  GPtrArray *hashes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      const IrFieldSpec *spec = ir_schema_lookup_field (schema, op->entity, op->field);

      if (spec != NULL && spec->type == IR_VALUE_BLOB && op->value &&
          JSON_NODE_HOLDS_VALUE (op->value) &&
          json_node_get_value_type (op->value) == G_TYPE_STRING)
        g_ptr_array_add (hashes, g_strdup (json_node_get_string (op->value)));
    }

  return hashes;
}

static void
reply_acks (SoupServerMessage *msg,
            GPtrArray         *ops,
            gint64             head)
{
  GString *text = g_string_sized_new (ops->len * 64 + 64);

  g_string_append (text, "{\"acks\":[");
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "[\"%s\",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                              op->id, op->seq, op->received);
    }
  g_string_append_printf (text, "],\"head\":%" G_GINT64_FORMAT ",\"server_time\":%"
                          G_GINT64_FORMAT "}", head, g_get_real_time ());

  ir_server_reply_text (msg, SOUP_STATUS_OK, "application/json", g_string_free (text, FALSE));
}

/* Finds repeats: ops the room already has, whose stored sequence goes into
 * the acknowledgement. Returns the new ops, or %NULL after refusing @msg. */
static GPtrArray *
split_repeats (IrServerRoom      *self,
               SoupServerMessage *msg,
               GPtrArray         *ops)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      IrOp *earlier = g_hash_table_lookup (seen, op->id);
      g_autoptr(IrOp) stored = earlier ? NULL : ir_store_get_op (self->store, op->id);
      IrOp *known = earlier ? earlier : stored;

      if (known != NULL && !ir_op_same_content (known, op))
        {
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_string_member (extra, "op", op->id);
          ir_server_reply_error (msg, IR_SYNC_ERROR_CLIENT_ID_REUSED, g_steal_pointer (&extra),
                                 _("Operation %s was already stored with other content: "
                                   "client id reused. Take a new client id and push again."),
                                 op->id);
          return NULL;
        }

      if (stored != NULL)
        {
          op->seq = stored->seq;
          op->received = stored->received;
        }
      else if (earlier == NULL)
        g_ptr_array_add (fresh, op);
      g_hash_table_insert (seen, op->id, op);
    }

  return g_steal_pointer (&fresh);
}

static gboolean
check_authors (IrServerRoom      *self,
               SoupServerMessage *msg,
               GPtrArray         *ops,
               const char        *user,
               guint              roles)
{
  gint64 limit_ms = g_get_real_time () / 1000 + IR_SYNC_MAX_CLOCK_AHEAD_MS;
  gboolean uploading = (roles & IR_ROLE_AR) &&
                       ir_server_db_count_members (self->server->db, self->id, NULL) == 1;

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autofree char *message = NULL;

      op->seq = op->received = 0;
      if (!g_str_equal (op->room, self->id))
        {
          message = g_strdup_printf (_("Operation %s belongs to room %s, not to room %s."),
                                     op->id, op->room, self->id);
          refuse_op (msg, IR_SYNC_ERROR_INVALID_OP, op, message);
          return FALSE;
        }

      /* A local-only room keeps its authors when its only member, its AR,
       * uploads it; otherwise every op is the pusher's own. */
      if (!g_str_equal (op->actor, user) &&
          !(uploading && op->seen == 0 && !g_str_equal (op->actor, "server")))
        {
          message = g_strdup_printf (_("Operation %s names “%s” as its author, but you are "
                                       "logged in as “%s”."), op->id, op->actor, user);
          refuse_op (msg, IR_SYNC_ERROR_FORBIDDEN_OP, op, message);
          return FALSE;
        }

      if (ir_hlc_get_ms (op->hlc) > limit_ms)
        {
          g_autoptr(JsonObject) extra = json_object_new ();

          json_object_set_int_member (extra, "server_time", g_get_real_time ());
          json_object_set_string_member (extra, "op", op->id);
          ir_server_reply_error (msg, IR_SYNC_ERROR_CLOCK_AHEAD, g_steal_pointer (&extra),
                                 _("Operation %s is clocked more than five minutes ahead of "
                                   "the server. Correct this computer's clock, or re-stamp "
                                   "the operations from the server's time."), op->id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_blobs (IrServerRoom      *self,
             SoupServerMessage *msg,
             GPtrArray         *hashes)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonArray *missing = NULL;

  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);

      if (ir_blob_store_contains (self->server->blobs, sha256))
        continue;
      if (missing == NULL)
        missing = json_array_new ();
      json_array_add_string_element (missing, sha256);
    }

  if (missing == NULL)
    return TRUE;

  extra = json_object_new ();
  json_object_set_array_member (extra, "blobs", missing);
  ir_server_reply_error (msg, IR_SYNC_ERROR_BLOB_MISSING, g_steal_pointer (&extra),
                         _("The server does not have %u of the files these operations name. "
                           "Upload them and push again."), json_array_get_length (missing));
  return FALSE;
}

/**
 * ir_server_room_push:
 *
 * Stores a batch of whole transactions, or refuses all of it: see
 * docs/sync-protocol.md for the order of the checks.
 */
void
ir_server_room_push (IrServerRoom      *self,
                     SoupServerMessage *msg,
                     const char        *user,
                     IrMembership      *membership)
{
  g_autoptr(GBytes) body = ir_server_get_body (msg);
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GPtrArray) hashes = NULL;
  g_autoptr(GHashTable) kinds = NULL;
  g_autoptr(GError) error = NULL;
  guint roles = ir_role_from_string (membership->role);
  gint64 received = g_get_real_time ();
  gint64 seq = self->head;

  if (body == NULL)
    return;

  ops = ir_sync_read_ops (g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL, &error);
  if (ops == NULL)
    {
      ir_server_reply_error (msg, error->code, NULL, "%s", error->message);
      return;
    }

  if (ops->len > self->server->options.max_batch)
    {
      g_autoptr(JsonObject) extra = json_object_new ();

      json_object_set_int_member (extra, "limit", self->server->options.max_batch);
      ir_server_reply_error (msg, IR_SYNC_ERROR_BATCH_TOO_LARGE, g_steal_pointer (&extra),
                             _("A push may carry at most %u operations; this one has %u. "
                               "Push fewer transactions at a time."),
                             self->server->options.max_batch, ops->len);
      return;
    }

  if (!check_authors (self, msg, ops, user, roles))
    return;

  fresh = split_repeats (self, msg, ops);
  if (fresh == NULL)
    return;

  kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < fresh->len; i++)
    if (!check_schema (self, msg, g_ptr_array_index (fresh, i), roles, kinds))
      return;

  hashes = collect_blobs (self, fresh);
  if (!check_blobs (self, msg, hashes))
    return;

  for (guint i = 0; i < fresh->len; i++)
    {
      IrOp *op = g_ptr_array_index (fresh, i);

      op->seq = ++seq;
      op->received = received;
    }

  /* An op repeated inside the batch is acknowledged like its first copy. */
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);

      for (guint j = 0; op->seq == 0 && j < i; j++)
        {
          IrOp *earlier = g_ptr_array_index (ops, j);

          if (g_str_equal (earlier->id, op->id))
            {
              op->seq = earlier->seq;
              op->received = earlier->received;
            }
        }
    }

  if (!ir_store_apply_remote (self->store, fresh, &error))
    {
      if (error->domain == IR_SCHEMA_ERROR)
        refuse_invalid_value (self, msg, fresh, error);
      else
        {
          g_warning ("Failed to store a push of %u operations in room %s: %s",
                     fresh->len, self->id, error->message);
          ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL, "%s", error->message);
        }
      return;
    }

  self->head = seq;
  self->last_push = g_get_monotonic_time ();
  if (!ir_server_db_add_blob_refs (self->server->db, self->id, hashes, &error))
    g_warning ("Failed to record the files of room %s: %s", self->id, error->message);

  reply_acks (msg, ops, self->head);

  if (fresh->len > 0)
    {
      gsize client_len;
      g_autofree char *client = NULL;

      ir_op_get_client (g_ptr_array_index (fresh, 0), &client_len);
      client = g_strndup (((IrOp *) g_ptr_array_index (fresh, 0))->id, client_len);
      ir_server_room_fan_out (self, fresh, client);
    }
}
