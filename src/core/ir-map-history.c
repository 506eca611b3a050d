/* ir-map-history.c: stance and influence timelines, conflicts, filters
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-conflict.h"
#include "ir-hlc.h"
#include "ir-map-model-private.h"

/* --- timeline ------------------------------------------------------------ */

void
ir_map_timeline_entry_free (IrMapTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->actor);
  g_free (entry->field);
  g_free (entry->value);
  g_free (entry->previous);
  g_free (entry);
}

static char *
value_to_text (JsonNode *value)
{
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value))
    return NULL;

  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));

  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
}

/**
 * ir_map_get_timeline:
 *
 * Reads the changes of a stakeholder's stance and influence from the op
 * log, oldest first, each with the value it replaced. A write that lost a
 * conflict is in the timeline too, because someone did see the person so.
 *
 * Returns: (transfer full) (element-type IrMapTimelineEntry): the entries
 */
GPtrArray *
ir_map_get_timeline (IrStore    *store,
                     const char *stakeholder)
{
  g_autoptr(GPtrArray) ops = ir_store_get_history (store, stakeholder);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_map_timeline_entry_free);
  g_autofree char *last_stance = NULL;
  g_autofree char *last_influence = NULL;

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      gboolean is_stance = g_str_equal (op->field, "stance");
      char **last = is_stance ? &last_stance : &last_influence;
      IrMapTimelineEntry *entry;
      g_autofree char *value = NULL;

      if (!is_stance && !g_str_equal (op->field, "influence"))
        continue;

      value = value_to_text (op->value);
      if (value == NULL || g_strcmp0 (value, *last) == 0)
        continue;

      entry = g_new0 (IrMapTimelineEntry, 1);
      entry->time = op->received > 0 ? op->received : ir_hlc_get_ms (op->hlc) * 1000;
      entry->actor = g_strdup (op->actor);
      entry->field = g_strdup (op->field);
      entry->value = g_strdup (value);
      entry->previous = g_strdup (*last);
      g_ptr_array_add (entries, entry);

      g_free (*last);
      *last = g_steal_pointer (&value);
    }

  return entries;
}

/* --- conflicts ----------------------------------------------------------- */

void
ir_map_conflict_free (IrMapConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->actor);
  g_clear_pointer (&conflict->value, json_node_unref);
  g_free (conflict);
}

/**
 * ir_map_get_conflicts:
 *
 * Lists the concurrent writes that lost to the value @field of @eid shows
 * and that hold another value, newest first and one per value: what the
 * details panel offers to adopt. A loser that wrote the same value as the
 * winner is no disagreement and is left out.
 *
 * Returns: (transfer full) (element-type IrMapConflict): the conflicts
 */
GPtrArray *
ir_map_get_conflicts (IrStore    *store,
                      const char *eid,
                      const char *field)
{
  g_autoptr(GPtrArray) found = ir_conflict_list (store, eid, field);
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_map_conflict_free);

  for (guint i = 0; i < found->len; i++)
    {
      IrConflict *other = g_ptr_array_index (found, i);
      IrMapConflict *conflict = g_new0 (IrMapConflict, 1);

      conflict->actor = g_strdup (other->actor);
      conflict->value = other->value ? json_node_ref (other->value) : NULL;
      conflict->hlc = other->hlc;
      g_ptr_array_add (conflicts, conflict);
    }

  return conflicts;
}

/* --- filters ------------------------------------------------------------- */

IrMapFilter *
ir_map_filter_new (void)
{
  return g_new0 (IrMapFilter, 1);
}

void
ir_map_filter_free (IrMapFilter *filter)
{
  if (filter == NULL)
    return;

  g_free (filter->text);
  g_free (filter->department);
  g_free (filter->stance);
  g_free (filter->buying_role);
  g_free (filter);
}

gboolean
ir_map_filter_is_empty (const IrMapFilter *filter)
{
  return (filter->text == NULL || filter->text[0] == '\0') &&
         filter->department == NULL &&
         filter->stance == NULL &&
         filter->buying_role == NULL &&
         filter->coverage == IR_MAP_COVERAGE_ANY;
}

static gboolean
field_contains (IrEntity   *stakeholder,
                const char *field,
                const char *folded_needle)
{
  const char *value = ir_entity_get_string (stakeholder, field);
  g_autofree char *folded = NULL;

  if (value == NULL)
    return FALSE;

  folded = g_utf8_casefold (value, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
matches_text (IrEntity   *stakeholder,
              const char *text)
{
  static const char * const fields[] = {
    "name", "title", "department", "concern_note", "notes", NULL
  };
  g_autofree char *needle = NULL;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  for (guint i = 0; fields[i] != NULL; i++)
    if (field_contains (stakeholder, fields[i], needle))
      return TRUE;

  return FALSE;
}

/**
 * ir_map_filter_matches:
 * @covered: whether the stakeholder has a coverage owner
 * @stale: whether the last contact is older than the room's threshold
 *
 * Whether the stakeholder passes the search text (in the name, title,
 * department, concerns and notes, ignoring case) and every filter.
 */
gboolean
ir_map_filter_matches (const IrMapFilter *filter,
                       IrEntity          *stakeholder,
                       gboolean           covered,
                       gboolean           stale)
{
  gboolean left = ir_map_has_left (stakeholder);

  if (filter->department != NULL &&
      g_strcmp0 (ir_entity_get_string (stakeholder, "department"), filter->department) != 0)
    return FALSE;

  if (filter->stance != NULL &&
      g_strcmp0 (ir_entity_get_string (stakeholder, "stance"), filter->stance) != 0)
    return FALSE;

  if (filter->buying_role != NULL &&
      g_strcmp0 (ir_entity_get_string (stakeholder, "buying_role") ?: "none",
                 filter->buying_role) != 0)
    return FALSE;

  switch (filter->coverage)
    {
    case IR_MAP_COVERAGE_COVERED:
      if (!covered)
        return FALSE;
      break;

    case IR_MAP_COVERAGE_UNCOVERED:
      if (covered || left)
        return FALSE;
      break;

    case IR_MAP_COVERAGE_STALE:
      if (!stale || left)
        return FALSE;
      break;

    case IR_MAP_COVERAGE_ANY:
    default:
      break;
    }

  return matches_text (stakeholder, filter->text);
}
