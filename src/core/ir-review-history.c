/* ir-review-history.c: the points in history that reviews cover
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review stores the server sequence that its replica had pulled when it
 * was held. What came after it is what the next review shows: an op
 * written offline before that review but synced after it has a higher
 * sequence, so it is not lost, as it would be if reviews compared times.
 * The room's state at a point is rebuilt by applying the ops that the
 * point covers to a store in memory, so that every reader of the state
 * (the plan's schedule, the map) works on it unchanged.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ir-review-private.h"

/* Ops read from the store per page. */
#define PAGE_SIZE 5000

/* Entities whose ops a replay applies last. Their roles decide which
 * writes the store accepts, and the replay must accept every op the room
 * accepted already, whatever the roles at the time. */
static const char * const membership_entities[] = { "member", "device_key", NULL };

/* --- points --------------------------------------------------------------- */

IrReviewPoint *
ir_review_point_new_at (gint64 seq)
{
  IrReviewPoint *point = g_new0 (IrReviewPoint, 1);

  point->seq = MAX (seq, 0);

  return point;
}

/**
 * ir_review_point_new_for_review:
 * @store: the room
 * @review: the id of a review entity
 *
 * Returns the point that @review covered: its stored sequence, and the
 * ops its own replica had written before it.
 *
 * Returns: (transfer full) (nullable): the point, or %NULL when the room
 *   has no such review
 */
IrReviewPoint *
ir_review_point_new_for_review (IrStore    *store,
                                const char *review)
{
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GPtrArray) history = NULL;
  IrReviewPoint *point;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  entity = ir_store_get_entity (store, "review", review);
  if (entity == NULL)
    return NULL;

  point = ir_review_point_new_at (ir_entity_get_int (entity, "seq"));

  /* The lowest counter of the review's creating client marks where that
   * replica stood. */
  history = ir_store_get_history (store, review);
  for (guint i = 0; i < history->len; i++)
    {
      const IrOp *op = g_ptr_array_index (history, i);
      gsize length;
      const char *client = ir_op_get_client (op, &length);
      guint64 counter = ir_op_get_counter (op);

      if (point->client == NULL)
        {
          point->client = g_strndup (client, length);
          point->counter = counter;
        }
      else if (strlen (point->client) == length &&
               strncmp (point->client, client, length) == 0)
        point->counter = MIN (point->counter, counter);
    }

  return point;
}

void
ir_review_point_free (IrReviewPoint *point)
{
  if (point == NULL)
    return;

  g_free (point->client);
  g_free (point);
}

/**
 * ir_review_get_head:
 * @store: the room
 *
 * Returns the sequence that a review held now stores: the last server
 * sequence this replica pulled, or, in a room that never synced, the
 * number of ops in its local order.
 */
gint64
ir_review_get_head (IrStore *store)
{
  g_autoptr(GPtrArray) synced = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), 0);

  synced = ir_store_get_ops_after (store, 0, 1);
  if (synced->len == 0 && ir_store_get_seen_seq (store) == 0)
    return ir_store_count_unpushed (store);

  return ir_store_get_seen_seq (store);
}

/* --- history -------------------------------------------------------------- */

IrReviewHistory *
ir_review_history_load (IrStore *store)
{
  IrReviewHistory *history = g_new0 (IrReviewHistory, 1);
  g_autoptr(GPtrArray) unsynced = NULL;

  history->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  history->positions = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (;;)
    {
      g_autoptr(GPtrArray) page = ir_store_get_ops_after (store, history->base, PAGE_SIZE);

      if (page->len == 0)
        break;

      for (guint i = 0; i < page->len; i++)
        g_array_append_val (history->positions, ((IrOp *) page->pdata[i])->seq);
      history->base = ((IrOp *) page->pdata[page->len - 1])->seq;
      g_ptr_array_extend_and_steal (history->ops, g_steal_pointer (&page));
    }

  unsynced = ir_store_get_unpushed (store, G_MAXUINT);
  for (guint i = 0; i < unsynced->len; i++)
    {
      gint64 position = history->base + i + 1;

      g_ptr_array_add (history->ops, ir_op_copy (g_ptr_array_index (unsynced, i)));
      g_array_append_val (history->positions, position);
    }

  return history;
}

void
ir_review_history_free (IrReviewHistory *history)
{
  if (history == NULL)
    return;

  g_ptr_array_unref (history->ops);
  g_array_unref (history->positions);
  g_free (history);
}

/**
 * ir_review_point_covers:
 * @point: (nullable): a point, or %NULL for the room's present
 * @op: an op of the room
 * @position: the op's position in the history
 *
 * Returns whether @op is part of the room's state at @point.
 */
gboolean
ir_review_point_covers (const IrReviewPoint *point,
                        const IrOp          *op,
                        gint64               position)
{
  gsize length;
  const char *client;

  if (point == NULL)
    return TRUE;

  /* NOTE: a review held in a room that never synced stores a count of
   * local ops. Once the room uploads its history, that count equals the
   * sequence of the review's last op only if the server numbered nothing
   * before the upload. The client rule below still covers the ops that
   * the reviewing replica wrote itself. */
  if (op->seq > 0 ? op->seq <= point->seq : position <= point->seq)
    return TRUE;

  if (point->client == NULL)
    return FALSE;

  client = ir_op_get_client (op, &length);
  return strlen (point->client) == length &&
         strncmp (point->client, client, length) == 0 &&
         ir_op_get_counter (op) < point->counter;
}

/* --- replay --------------------------------------------------------------- */

static gboolean
apply_batch (IrStore    *replay,
             GPtrArray  *ops,
             GError    **error)
{
  if (ir_store_apply_remote (replay, ops, error))
    return TRUE;

  g_prefix_error (error, _("Failed to rebuild the room as it was at the last review: "));
  return FALSE;
}

/**
 * ir_review_replay:
 * @store: the room
 * @history: the room's history, see ir_review_history_load()
 * @point: the point to rebuild
 * @error: return location for an error
 *
 * Rebuilds the room's state at @point in a new store in memory, which has
 * no blob store.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
IrStore *
ir_review_replay (IrStore              *store,
                  IrReviewHistory      *history,
                  const IrReviewPoint  *point,
                  GError              **error)
{
  g_autoptr(IrStore) replay = NULL;
  g_autoptr(GPtrArray) state_ops = g_ptr_array_new ();
  g_autoptr(GPtrArray) membership_ops = g_ptr_array_new ();
  const char *room = ir_store_get_room_id (store);

  replay = ir_store_new_memory (ir_store_get_schema (store), error);
  if (replay == NULL)
    return NULL;

  if (room != NULL && !ir_store_set_room_id (replay, room, error))
    return NULL;

  for (guint i = 0; i < history->ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (history->ops, i);

      if (!ir_review_point_covers (point, op, g_array_index (history->positions, gint64, i)))
        continue;

      if (op->room == NULL)
        op->room = g_strdup (room);
      if (g_strv_contains (membership_entities, op->entity))
        g_ptr_array_add (membership_ops, op);
      else
        g_ptr_array_add (state_ops, op);
    }

  if (!apply_batch (replay, state_ops, error) || !apply_batch (replay, membership_ops, error))
    return NULL;

  return g_steal_pointer (&replay);
}
