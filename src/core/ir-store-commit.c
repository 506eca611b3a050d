/* ir-store-commit.c: checking and committing local transactions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-store-private.h"

/* --- rules of one op ----------------------------------------------------- */

static gboolean
check_immutable (IrStore            *self,
                 IrTx               *tx,
                 IrOp               *op,
                 const IrFieldSpec  *spec,
                 GError            **error)
{
  IrWinner winner = { 0 };
  g_autoptr(IrOp) current = NULL;

  if (!(spec->flags & IR_FIELD_IMMUTABLE) || g_hash_table_contains (tx->created, op->eid))
    return TRUE;

  if (!ir_store_load_winner (self, op->eid, op->field, &winner))
    return TRUE;

  current = ir_store_load_op (self, winner.n);
  g_free (winner.id);

  if (current != NULL && current->value && op->value && json_node_equal (current->value, op->value))
    return TRUE;

  g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_IMMUTABLE,
               _("Cannot change %s.%s: it is fixed once the %s is created."),
               op->entity, op->field, op->entity);
  return FALSE;
}

static gboolean
check_op (IrStore  *self,
          IrTx     *tx,
          IrOp     *op,
          GError  **error)
{
  const IrFieldSpec *spec;
  g_autofree char *kind = NULL;

  if (!ir_schema_validate_value (self->schema, op->entity, op->field, op->value, error))
    return FALSE;

  if (!ir_schema_check_writer (self->schema, op->entity, op->field, self->roles, error))
    return FALSE;

  /* An entity keeps its type: an id of a stakeholder cannot get task fields. */
  if (!g_hash_table_contains (tx->created, op->eid))
    {
      kind = ir_store_entity_kind (self, op->eid);
      if (kind == NULL)
        {
          g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_NOT_FOUND,
                       _("Cannot change %s.%s: no %s with id %s exists in this room."),
                       op->entity, op->field, op->entity, op->eid);
          return FALSE;
        }
      if (!g_str_equal (kind, op->entity))
        {
          g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                       _("Cannot change %s.%s: entity %s is a %s."),
                       op->entity, op->field, op->eid, kind);
          return FALSE;
        }
    }

  spec = ir_schema_lookup_field (self->schema, op->entity, op->field);
  if (!check_immutable (self, tx, op, spec, error))
    return FALSE;

  /* A reference must point at an entity of the right type that exists here
   * or is created in the same transaction. */
  if (spec->type == IR_VALUE_REF && op->value && !JSON_NODE_HOLDS_NULL (op->value))
    {
      const char *target = json_node_get_string (op->value);
      const char *created_kind = g_hash_table_lookup (tx->created, target);
      g_autofree char *target_kind = created_kind ? g_strdup (created_kind)
                                                  : ir_store_entity_kind (self, target);

      if (target_kind == NULL || (spec->ref_entity && !g_str_equal (target_kind, spec->ref_entity)))
        {
          g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                       _("Invalid value for %s.%s: %s is not a %s of this room."),
                       op->entity, op->field, target,
                       spec->ref_entity ? spec->ref_entity : "entity");
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_required (IrStore  *self,
                IrTx     *tx,
                GError  **error)
{
  GHashTableIter iter;
  gpointer eid, kind;

  g_hash_table_iter_init (&iter, tx->created);
  while (g_hash_table_iter_next (&iter, &eid, &kind))
    {
      const IrEntitySpec *spec = ir_schema_lookup_entity (self->schema, kind);
      gboolean touched = FALSE;

      if (spec == NULL)
        continue;

      for (guint i = 0; i < tx->ops->len; i++)
        if (g_str_equal (((IrOp *) g_ptr_array_index (tx->ops, i))->eid, eid))
          touched = TRUE;
      if (!touched)
        continue;

      for (guint f = 0; f < spec->n_fields; f++)
        {
          gboolean set = FALSE;

          if (!(spec->fields[f].flags & IR_FIELD_REQUIRED))
            continue;

          for (guint i = 0; i < tx->ops->len && !set; i++)
            {
              IrOp *op = g_ptr_array_index (tx->ops, i);

              set = g_str_equal (op->eid, eid) && g_str_equal (op->field, spec->fields[f].name);
            }

          if (!set)
            {
              g_set_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_INVALID,
                           _("Cannot create the %s: %s.%s is required."),
                           (const char *) kind, (const char *) kind, spec->fields[f].name);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* --- rules across entities ----------------------------------------------- */

typedef struct
{
  const char *entity;
  const char *from_field;
  const char *to_field;
  const char *kind_field;
  const char *kind;
} CycleRule;

static const CycleRule cycle_rules[] = {
  { "link", "source", "target", "kind", "reports_to" },
  { "dependency", "predecessor", "successor", NULL, NULL },
  { "task", "parent", NULL, NULL, NULL },
};

static char *
describe_cycle (IrStore   *self,
                GPtrArray *cycle)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < cycle->len; i++)
    {
      const char *eid = g_ptr_array_index (cycle, i);
      g_autofree char *kind = ir_store_entity_kind (self, eid);
      g_autoptr(IrEntity) entity = kind ? ir_store_get_entity (self, kind, eid) : NULL;
      const char *name = NULL;

      if (entity != NULL)
        name = ir_entity_get_string (entity, "name");
      if (i > 0)
        g_string_append (text, " → ");
      g_string_append (text, name ? name : eid);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
check_cycles (IrStore  *self,
              IrTx     *tx,
              GError  **error)
{
  for (gsize r = 0; r < G_N_ELEMENTS (cycle_rules); r++)
    {
      const CycleRule *rule = &cycle_rules[r];
      gboolean touched = FALSE;
      g_autoptr(GPtrArray) cycles = NULL;

      for (guint i = 0; i < tx->ops->len && !touched; i++)
        {
          IrOp *op = g_ptr_array_index (tx->ops, i);

          touched = g_str_equal (op->entity, rule->entity) &&
                    (g_str_equal (op->field, rule->from_field) ||
                     g_strcmp0 (op->field, rule->to_field) == 0 ||
                     g_strcmp0 (op->field, rule->kind_field) == 0 ||
                     g_str_equal (op->field, "deleted"));
        }
      if (!touched)
        continue;

      cycles = ir_store_find_cycles (self, rule->entity, rule->from_field, rule->to_field,
                                     rule->kind_field, rule->kind);
      if (cycles->len > 0)
        {
          g_autofree char *names = describe_cycle (self, g_ptr_array_index (cycles, 0));

          if (g_str_equal (rule->entity, "link"))
            g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CYCLE,
                         _("This reporting line would make a cycle: %s"), names);
          else if (g_str_equal (rule->entity, "dependency"))
            g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CYCLE,
                         _("This dependency would make a cycle: %s"), names);
          else
            g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CYCLE,
                         _("A task cannot be inside itself: %s"), names);
          return FALSE;
        }
    }

  return TRUE;
}

/* --- commit -------------------------------------------------------------- */

/* Stamps, checks and applies the ops of @tx in one SQL transaction, so that
 * a refused transaction leaves the store as it was. */
gboolean
ir_store_commit_ops (IrStore  *self,
                     IrTx     *tx,
                     guint     flags,
                     GError  **error)
{
  g_autofree char *tx_id = NULL;
  guint64 saved_counter = self->counter;
  gint64 saved_clock = self->clock.last;

  if (tx->ops->len == 0)
    return TRUE;

  if (self->room_id == NULL)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("This database has no room yet; create or import a room first."));
      return FALSE;
    }

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  for (guint i = 0; i < tx->ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (tx->ops, i);

      g_free (op->id);
      op->id = ir_store_next_op_id (self);
      if (tx_id == NULL)
        tx_id = g_strdup (op->id);
      g_free (op->tx);
      op->tx = g_strdup (tx_id);
      g_free (op->room);
      op->room = g_strdup (self->room_id);
      g_free (op->actor);
      op->actor = g_strdup (self->actor);
      op->seen = self->seen_seq;
      op->schema = ir_schema_get_version (self->schema);
      op->hlc = ir_hlc_now (&self->clock, ir_store_wall_ms (self));
      op->seq = 0;
      op->received = 0;

      if (!check_op (self, tx, op, error) ||
          !ir_store_apply_op (self, op, TRUE, error))
        goto failed;
    }

  if (!check_required (self, tx, error) || !check_cycles (self, tx, error))
    goto failed;

  ir_store_save_counter (self);
  if (!ir_store_commit_sql (self, error))
    goto failed;

  if (!(flags & IR_APPLY_UNDO))
    {
      ir_store_push_undo (self, tx_id);
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  ir_store_flush_changes (self);
  ir_store_emit_tx_applied (self, flags);
  return TRUE;

failed:
  ir_store_rollback_sql (self);
  g_hash_table_remove_all (self->changes);
  ir_store_load_deleted (self);
  self->counter = saved_counter;
  self->clock.last = saved_clock;
  return FALSE;
}

/**
 * ir_store_commit:
 *
 * Checks every op of @tx against the schema, the role of this replica's
 * actor and the rules across entities, then applies them all, or none with
 * an error that names the entity and field.
 */
gboolean
ir_store_commit (IrStore  *self,
                 IrTx     *tx,
                 GError  **error)
{
  return ir_store_commit_ops (self, tx, IR_APPLY_LOCAL, error);
}
