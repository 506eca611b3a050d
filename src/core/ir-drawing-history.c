/* ir-drawing-history.c: the markups of a drawing at two points in history
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A point in history is a position in the room's op log (see
 * IrHistoryIndex). The state of a field at a point is the op that wins
 * among those at or before it, by the store's rule. A write that had seen
 * another replaces it, and of two concurrent writes the higher (clock,
 * client id) wins.
 */
#include "config.h"

#include "ir-drawing-model-private.h"

/* --- positions ------------------------------------------------------------ */

struct _IrHistoryIndex
{
  gint64      base;      /* the highest server sequence this replica has */
  GHashTable *unsynced;  /* op id → position */
};

IrHistoryIndex *
ir_history_index_new (IrStore *store)
{
  IrHistoryIndex *index = g_new0 (IrHistoryIndex, 1);
  g_autoptr(GPtrArray) unsynced = NULL;

  /* Pushed ops carry sequences above the last one pulled. */
  index->base = ir_store_get_seen_seq (store);
  for (;;)
    {
      g_autoptr(GPtrArray) after = ir_store_get_ops_after (store, index->base, 1000);

      if (after->len == 0)
        break;
      index->base = ((IrOp *) g_ptr_array_index (after, after->len - 1))->seq;
    }

  index->unsynced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  unsynced = ir_store_get_unpushed (store, G_MAXUINT);
  for (guint i = 0; i < unsynced->len; i++)
    {
      IrOp *op = g_ptr_array_index (unsynced, i);

      g_hash_table_insert (index->unsynced, g_strdup (op->id), GSIZE_TO_POINTER (i + 1));
    }

  return index;
}

gint64
ir_history_index_position (IrHistoryIndex *index,
                           const IrOp     *op)
{
  gpointer rank;

  if (op->seq > 0)
    return op->seq;

  /* An op that the server rejected is in no list, so it counts as the latest. */
  if (!g_hash_table_lookup_extended (index->unsynced, op->id, NULL, &rank))
    return ir_history_index_last (index);

  return index->base + (gint64) GPOINTER_TO_SIZE (rank);
}

/* Returns the position of the latest op. */
gint64
ir_history_index_last (IrHistoryIndex *index)
{
  return index->base + g_hash_table_size (index->unsynced);
}

void
ir_history_index_free (IrHistoryIndex *index)
{
  if (index == NULL)
    return;

  g_hash_table_unref (index->unsynced);
  g_free (index);
}

/**
 * ir_drawing_history_now:
 * @store: the room
 *
 * Returns the point in history that includes every op this replica has.
 */
gint64
ir_drawing_history_now (IrStore *store)
{
  g_autoptr(IrHistoryIndex) index = ir_history_index_new (store);

  return ir_history_index_last (index);
}

/**
 * ir_drawing_history_position_of:
 * @store: the room
 * @eid: an entity id
 *
 * Returns the point in history where @eid was created, such as a
 * revision's upload, or 0 when the log has no op of it.
 */
gint64
ir_drawing_history_position_of (IrStore    *store,
                                const char *eid)
{
  g_autoptr(IrHistoryIndex) index = ir_history_index_new (store);
  g_autoptr(GPtrArray) history = ir_store_get_history (store, eid);
  gint64 first = 0;

  for (guint i = 0; i < history->len; i++)
    {
      gint64 position = ir_history_index_position (index, history->pdata[i]);

      if (first == 0 || position < first)
        first = position;
    }

  return first;
}

/* --- state at a point ----------------------------------------------------- */

/* The winning value of each field of one entity at one point. */
typedef struct
{
  GHashTable *winners;  /* field → IrOp*, owned by the history */
} State;

static void
state_init (State *state)
{
  state->winners = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
state_clear (State *state)
{
  g_clear_pointer (&state->winners, g_hash_table_unref);
}

static gboolean
op_beats (const IrOp *op,
          const IrOp *winner)
{
  if (ir_op_has_seen (op, winner))
    return TRUE;
  if (ir_op_has_seen (winner, op))
    return FALSE;

  return ir_op_compare_clock (op, winner) > 0;
}

static void
state_load (State          *state,
            IrHistoryIndex *index,
            GPtrArray      *history,
            gint64          point)
{
  for (guint i = 0; i < history->len; i++)
    {
      IrOp *op = g_ptr_array_index (history, i);
      IrOp *winner;

      if (ir_history_index_position (index, op) > point)
        continue;

      winner = g_hash_table_lookup (state->winners, op->field);
      if (winner == NULL || op_beats (op, winner))
        g_hash_table_insert (state->winners, op->field, op);
    }
}

static JsonNode *
state_get (State      *state,
           const char *field)
{
  IrOp *op = g_hash_table_lookup (state->winners, field);

  return op ? op->value : NULL;
}

static const char *
state_get_string (State      *state,
                  const char *field)
{
  JsonNode *value = state_get (state, field);

  if (value == NULL || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (value);
}

/* Whether the entity exists at the point and is not deleted.
 * NOTE: the store restores an entity when an edit's author had not seen
 * its delete. This reading keeps such an entity deleted, so the two differ
 * for concurrent edits and deletes only. */
static gboolean
state_exists (State *state)
{
  JsonNode *deleted = state_get (state, "deleted");

  if (g_hash_table_size (state->winners) == 0)
    return FALSE;

  return deleted == NULL || !JSON_NODE_HOLDS_VALUE (deleted) || !json_node_get_boolean (deleted);
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

/* --- one markup ----------------------------------------------------------- */

typedef struct
{
  char      *eid;
  GPtrArray *history;
  GPtrArray *placements;  /* GPtrArray* of op histories */
  GPtrArray *replies;     /* GPtrArray* of op histories */
} Markup;

static void
markup_free (Markup *markup)
{
  g_free (markup->eid);
  g_ptr_array_unref (markup->history);
  g_ptr_array_unref (markup->placements);
  g_ptr_array_unref (markup->replies);
  g_free (markup);
}

/* Returns the value of @field that a history set first: the parent of a
 * child entity, which never changes. */
static const char *
history_get_parent (GPtrArray  *history,
                    const char *field)
{
  for (guint i = 0; i < history->len; i++)
    {
      IrOp *op = g_ptr_array_index (history, i);

      if (g_str_equal (op->field, field) && op->value != NULL &&
          json_node_get_value_type (op->value) == G_TYPE_STRING)
        return json_node_get_string (op->value);
    }

  return NULL;
}

/* Loads the drawing's markups, with the histories of their placements and
 * replies. */
static GHashTable *
load_markups (IrStore    *store,
              const char *drawing)
{
  GHashTable *markups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) markup_free);
  g_autoptr(GPtrArray) ids = ir_store_list_ids (store, "markup", TRUE);
  static const char * const children[] = { "markup_placement", "markup_reply" };

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) history = ir_store_get_history (store, ids->pdata[i]);
      Markup *markup;

      if (g_strcmp0 (history_get_parent (history, "drawing"), drawing) != 0)
        continue;

      markup = g_new0 (Markup, 1);
      markup->eid = g_strdup (ids->pdata[i]);
      markup->history = g_steal_pointer (&history);
      markup->placements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      markup->replies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      g_hash_table_insert (markups, markup->eid, markup);
    }

  for (guint c = 0; c < G_N_ELEMENTS (children); c++)
    {
      g_autoptr(GPtrArray) child_ids = ir_store_list_ids (store, children[c], TRUE);

      for (guint i = 0; i < child_ids->len; i++)
        {
          g_autoptr(GPtrArray) history = ir_store_get_history (store, child_ids->pdata[i]);
          Markup *markup = g_hash_table_lookup (markups,
                                                history_get_parent (history, "markup"));

          if (markup != NULL)
            g_ptr_array_add (c == 0 ? markup->placements : markup->replies,
                             g_steal_pointer (&history));
        }
    }

  return markups;
}

static guint
count_replies (GPtrArray      *replies,
               IrHistoryIndex *index,
               gint64          point)
{
  guint count = 0;

  for (guint i = 0; i < replies->len; i++)
    {
      State state;

      state_init (&state);
      state_load (&state, index, replies->pdata[i], point);
      count += state_exists (&state);
      state_clear (&state);
    }

  return count;
}

/* Whether a placement that exists at both points moved or changed size. */
static gboolean
geometry_changed (GPtrArray      *placements,
                  IrHistoryIndex *index,
                  gint64          from,
                  gint64          to)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < placements->len && !changed; i++)
    {
      State before, after;

      state_init (&before);
      state_init (&after);
      state_load (&before, index, placements->pdata[i], from);
      state_load (&after, index, placements->pdata[i], to);
      changed = state_exists (&before) && state_exists (&after) &&
                !values_equal (state_get (&before, "geometry"), state_get (&after, "geometry"));
      state_clear (&before);
      state_clear (&after);
    }

  return changed;
}

static gboolean
status_is_open (const char *status)
{
  return status == NULL || g_str_equal (status, "open");
}

static IrMarkupChange *
compare_markup (Markup         *markup,
                IrHistoryIndex *index,
                gint64          from,
                gint64          to)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  IrMarkupChange *change;
  State before, after;
  gboolean existed, exists;
  guint replies_before, replies_after;

  state_init (&before);
  state_init (&after);
  state_load (&before, index, markup->history, from);
  state_load (&after, index, markup->history, to);
  existed = state_exists (&before);
  exists = state_exists (&after);

  if (!existed && !exists)
    {
      state_clear (&before);
      state_clear (&after);
      return NULL;
    }

  change = g_new0 (IrMarkupChange, 1);
  change->markup = g_strdup (markup->eid);
  change->markup_kind = g_strdup (state_get_string (exists ? &after : &before, "kind"));
  change->text = g_strdup (state_get_string (exists ? &after : &before, "text"));
  if (existed)
    change->old_status = g_strdup (state_get_string (&before, "status") ?: "open");
  if (exists)
    change->new_status = g_strdup (state_get_string (&after, "status") ?: "open");

  replies_before = count_replies (markup->replies, index, from);
  replies_after = count_replies (markup->replies, index, to);
  change->new_replies = replies_after > replies_before ? replies_after - replies_before : 0;

  if (existed && exists)
    {
      static const char * const compared[] = { "text", "status", "stamp" };

      for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
        if (!values_equal (state_get (&before, compared[i]), state_get (&after, compared[i])))
          g_ptr_array_add (fields, g_strdup (compared[i]));
      if (geometry_changed (markup->placements, index, from, to))
        g_ptr_array_add (fields, g_strdup ("geometry"));
      if (replies_before != replies_after)
        g_ptr_array_add (fields, g_strdup ("replies"));
    }

  if (!existed)
    change->kind = IR_MARKUP_CHANGE_ADDED;
  else if (!exists)
    change->kind = IR_MARKUP_CHANGE_REMOVED;
  else if (status_is_open (change->old_status) && !status_is_open (change->new_status))
    change->kind = IR_MARKUP_CHANGE_RESOLVED;
  else
    change->kind = IR_MARKUP_CHANGE_CHANGED;

  g_ptr_array_add (fields, NULL);
  change->fields = (GStrv) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
  state_clear (&before);
  state_clear (&after);

  if (change->kind == IR_MARKUP_CHANGE_CHANGED && change->fields[0] == NULL)
    g_clear_pointer (&change, ir_markup_change_free);

  return change;
}

/* --- public API ----------------------------------------------------------- */

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const IrMarkupChange *ca = *(IrMarkupChange **) a, *cb = *(IrMarkupChange **) b;

  return ca->number < cb->number ? -1 : ca->number > cb->number;
}

/**
 * ir_markup_history_compare:
 * @store: the room
 * @drawing: a drawing entity id
 * @from: the earlier point in history
 * @to: the later point, such as ir_drawing_history_now()
 *
 * Lists how the markups of @drawing differ between two points: added,
 * removed, resolved (open before, accepted, rejected or done after) or
 * otherwise changed (text, status, stamp, geometry or replies). Markups
 * that did not change are left out.
 *
 * Returns: (transfer full) (element-type IrMarkupChange): the changes by
 *   markup number
 */
GPtrArray *
ir_markup_history_compare (IrStore    *store,
                           const char *drawing,
                           gint64      from,
                           gint64      to)
{
  g_autoptr(IrHistoryIndex) index = NULL;
  g_autoptr(GHashTable) markups = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  GPtrArray *changes;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (drawing != NULL, NULL);

  index = ir_history_index_new (store);
  markups = load_markups (store, drawing);
  numbers = ir_markup_get_numbers (store, drawing);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_markup_change_free);

  g_hash_table_iter_init (&iter, markups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IrMarkupChange *change = compare_markup (value, index, from, to);

      if (change == NULL)
        continue;

      change->number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, change->markup));
      g_ptr_array_add (changes, change);
    }

  g_ptr_array_sort (changes, compare_changes);
  return changes;
}

const char *
ir_markup_change_kind_to_string (IrMarkupChangeKind kind)
{
  switch (kind)
    {
    case IR_MARKUP_CHANGE_ADDED:
      return "added";
    case IR_MARKUP_CHANGE_REMOVED:
      return "removed";
    case IR_MARKUP_CHANGE_CHANGED:
      return "changed";
    case IR_MARKUP_CHANGE_RESOLVED:
      return "resolved";
    default:
      g_return_val_if_reached ("changed");
    }
}

void
ir_markup_change_free (IrMarkupChange *change)
{
  if (change == NULL)
    return;

  g_free (change->markup);
  g_free (change->markup_kind);
  g_free (change->text);
  g_free (change->old_status);
  g_free (change->new_status);
  g_strfreev (change->fields);
  g_free (change);
}
