/* ir-inbox.c: what changed since a member last looked, and what needs them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "What changed" is computed from the op log in the order this replica
 * stored it: every op after the local row the member last looked at,
 * written by someone else, grouped by entity. Local order exists in a room
 * that never met a server as well as in a synced one, where ops from the
 * server arrive in sequence order. The row is kept in the store's metadata,
 * which is per replica and so per member. "Needs you" items are inbox_item
 * entities written for the member by the author of a change or by the
 * server.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include "ir-hlc.h"
#include "ir-inbox.h"
#include "ir-store-log.h"
#include "ir-ui-util.h"

#define SEEN_ROW_KEY "inbox_seen_row"

/* Where older replicas kept the server sequence last looked at. */
#define SEEN_SEQ_KEY "inbox_seen_seq"

/* --- helpers -------------------------------------------------------------- */

static void
add_unique (GPtrArray  *strings,
            const char *value)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_str_equal (strings->pdata[i], value))
      return;

  g_ptr_array_add (strings, g_strdup (value));
}

static gint64
op_time (const IrOp *op)
{
  if (op->received > 0)
    return op->received;

  return ir_hlc_get_ms (op->hlc) * 1000;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const IrInboxChange *first = *(IrInboxChange **) a;
  const IrInboxChange *second = *(IrInboxChange **) b;

  if (first->time != second->time)
    return first->time < second->time ? 1 : -1;

  return g_strcmp0 (first->eid, second->eid);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  IrEntity *first = *(IrEntity **) a;
  IrEntity *second = *(IrEntity **) b;
  gint64 created_a = ir_entity_get_int (first, "created");
  gint64 created_b = ir_entity_get_int (second, "created");

  if (created_a != created_b)
    return created_a < created_b ? 1 : -1;

  return g_strcmp0 (ir_entity_get_id (first), ir_entity_get_id (second));
}

/* --- public API ----------------------------------------------------------- */

void
ir_inbox_change_free (IrInboxChange *change)
{
  if (change == NULL)
    return;

  g_free (change->entity);
  g_free (change->eid);
  g_ptr_array_unref (change->fields);
  g_ptr_array_unref (change->actors);
  g_free (change);
}

/**
 * ir_inbox_collect_changes:
 * @after_row: the local row the member last looked at
 * @last_row: (out) (optional): the row of the last op read
 *
 * Groups the ops after @after_row that others wrote by entity, the most
 * recent change first. Reads at most %IR_INBOX_MAX_OPS ops; the next look
 * reads on from @last_row.
 *
 * Returns: (transfer full) (element-type IrInboxChange): the changes
 */
GPtrArray *
ir_inbox_collect_changes (IrStore *store,
                          gint64   after_row,
                          gint64  *last_row)
{
  g_autoptr(GPtrArray) ops = ir_store_get_ops_after_row (store, after_row, IR_INBOX_MAX_OPS,
                                                         last_row);
  g_autoptr(GHashTable) by_eid = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_inbox_change_free);
  const char *self_actor = ir_store_get_actor (store);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = ops->pdata[i];
      IrInboxChange *change;

      if (g_strcmp0 (op->actor, self_actor) == 0)
        continue;

      change = g_hash_table_lookup (by_eid, op->eid);
      if (change == NULL)
        {
          change = g_new0 (IrInboxChange, 1);
          change->entity = g_strdup (op->entity);
          change->eid = g_strdup (op->eid);
          change->fields = g_ptr_array_new_with_free_func (g_free);
          change->actors = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_eid, change->eid, change);
          g_ptr_array_add (changes, change);
        }

      add_unique (change->fields, op->field);
      add_unique (change->actors, op->actor ? op->actor : "");
      change->time = MAX (change->time, op_time (op));
      change->n_ops++;
    }

  g_ptr_array_sort (changes, compare_changes);

  return changes;
}

/**
 * ir_inbox_list_needs_you:
 *
 * Lists the inbox items addressed to the store's actor that are not done,
 * the newest first.
 *
 * Returns: (transfer full) (element-type IrEntity): the items
 */
GPtrArray *
ir_inbox_list_needs_you (IrStore *store)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(IrEntity) member = ir_store_find_own_member (store);
  g_autoptr(IrEntityList) mine = NULL;
  guint n;

  if (member == NULL)
    return items;

  mine = ir_store_list_children (store, "inbox_item", "recipient", ir_entity_get_id (member));
  n = g_list_model_get_n_items (G_LIST_MODEL (mine));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) item = g_list_model_get_item (G_LIST_MODEL (mine), i);

      if (!ir_entity_get_boolean (item, "done"))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  g_ptr_array_sort (items, compare_items);

  return items;
}

/**
 * ir_inbox_get_seen_row:
 *
 * Returns the local row the member last looked at. A replica whose inbox
 * was never read starts at the end of its log: what a room held when the
 * member got it (a new room, the demo room, a room just downloaded) is not
 * news to them.
 */
gint64
ir_inbox_get_seen_row (IrStore *store)
{
  g_autofree char *text = ir_store_get_meta (store, SEEN_ROW_KEY);
  g_autofree char *seq_text = NULL;
  gint64 row;

  if (text != NULL && text[0] != '\0')
    return g_ascii_strtoll (text, NULL, 10);

  seq_text = ir_store_get_meta (store, SEEN_SEQ_KEY);
  if (seq_text != NULL && seq_text[0] != '\0')
    row = ir_store_get_last_row_at_seq (store, g_ascii_strtoll (seq_text, NULL, 10));
  else
    row = ir_store_get_last_row (store);

  ir_inbox_mark_seen (store, row);

  return row;
}

/* Remembers that the member has looked at everything up to local @row. */
void
ir_inbox_mark_seen (IrStore *store,
                    gint64   row)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, row);

  ir_store_set_meta (store, SEEN_ROW_KEY, text);
}

/* Counts the changed entities and the unread "needs you" items, which the
 * header bar shows on the inbox button. */
guint
ir_inbox_count_unread (IrStore *store)
{
  g_autoptr(GPtrArray) changes = ir_inbox_collect_changes (store,
                                                           ir_inbox_get_seen_row (store),
                                                           NULL);
  g_autoptr(GPtrArray) items = ir_inbox_list_needs_you (store);
  guint unread = changes->len;

  for (guint i = 0; i < items->len; i++)
    if (!ir_entity_get_boolean (items->pdata[i], "read"))
      unread++;

  return unread;
}
