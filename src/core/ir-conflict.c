/* ir-conflict.c: the values a field lost to concurrent writes
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps the losers of real conflicts: writes to one field whose
 * authors had not seen each other. Every replica picks the same winner, and
 * the field offers the other values with one click to adopt them.
 */
#include "config.h"

#include "ir-conflict.h"
#include "ir-hlc.h"

void
ir_conflict_free (IrConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->actor);
  g_clear_pointer (&conflict->value, json_node_unref);
  g_free (conflict);
}

static gboolean
is_empty (JsonNode *value)
{
  return value == NULL || JSON_NODE_HOLDS_NULL (value);
}

/**
 * ir_conflict_list:
 *
 * Lists the concurrent writes that lost to the value @field of @eid shows
 * and that hold another value, newest first and one per value. A loser that
 * wrote the winner's value is no disagreement and is left out.
 *
 * Returns: (transfer full) (element-type IrConflict): the conflicts
 */
GPtrArray *
ir_conflict_list (IrStore    *store,
                  const char *eid,
                  const char *field)
{
  g_autoptr(GPtrArray) ops = ir_store_get_conflicts (store, eid, field);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_conflict_free);
  g_autoptr(IrEntity) entity = NULL;
  JsonNode *current;

  if (ops->len == 0)
    return conflicts;

  entity = ir_store_get_entity (store, NULL, eid);
  current = entity ? ir_entity_get_value (entity, field) : NULL;

  for (guint i = ops->len; i > 0; i--)
    {
      IrOp *op = g_ptr_array_index (ops, i - 1);
      g_autofree char *text = is_empty (op->value) ? g_strdup ("null")
                                                   : ir_json_to_string (op->value);
      IrConflict *conflict;

      if (!is_empty (op->value) && current != NULL && json_node_equal (op->value, current))
        continue;
      if (is_empty (op->value) && is_empty (current))
        continue;
      if (g_ptr_array_find_with_equal_func (seen, text, g_str_equal, NULL))
        continue;

      conflict = g_new0 (IrConflict, 1);
      conflict->actor = g_strdup (op->actor);
      conflict->value = op->value ? json_node_ref (op->value) : NULL;
      conflict->hlc = op->hlc;
      conflict->time = op->received > 0 ? op->received : ir_hlc_get_ms (op->hlc) * 1000;
      g_ptr_array_add (conflicts, conflict);
      g_ptr_array_add (seen, g_steal_pointer (&text));
    }

  return conflicts;
}
