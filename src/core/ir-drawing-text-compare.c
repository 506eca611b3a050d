/* ir-drawing-text-compare.c: changed text between two revisions of a sheet
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ir-drawing-text-compare.h"

/* The same word this far away, in points (about 12 mm), moved with its view
 * rather than changed. */
#define MOVE_REACH 36.0

/* Changed words in one line that lie this many text heights apart or less
 * are reported as one change. */
#define JOIN_GAP 1.5

typedef struct
{
  const IrPdfWord     *word;
  IrPdfRect            box;     /* in the new page's frame */
  gboolean             used;
  IrDrawingTextChange *change;  /* owned; a new word's pairing with an
                                 * old word of other text */
} Item;

void
ir_drawing_text_change_free (IrDrawingTextChange *change)
{
  g_free (change->old_text);
  g_free (change->new_text);
  g_free (change);
}

const char *
ir_drawing_text_change_kind_to_string (IrDrawingTextChangeKind kind)
{
  switch (kind)
    {
    case IR_DRAWING_TEXT_CHANGED:
      return "changed";
    case IR_DRAWING_TEXT_ADDED:
      return "added";
    case IR_DRAWING_TEXT_REMOVED:
      return "removed";
    default:
      g_return_val_if_reached ("changed");
    }
}

/* ------------------------------------------------------------------------ */
/* Matching words                                                           */
/* ------------------------------------------------------------------------ */

static double
center_distance (const IrPdfRect *a,
                 const IrPdfRect *b)
{
  return hypot (a->x + a->width / 2 - b->x - b->width / 2,
                a->y + a->height / 2 - b->y - b->height / 2);
}

static gboolean
is_ignored (const IrPdfRect *box,
            GArray          *ignore)
{
  double cx = box->x + box->width / 2;
  double cy = box->y + box->height / 2;

  for (guint i = 0; ignore != NULL && i < ignore->len; i++)
    {
      const IrPdfRect *area = &g_array_index (ignore, IrPdfRect, i);

      if (cx >= area->x && cx <= area->x + area->width &&
          cy >= area->y && cy <= area->y + area->height)
        return TRUE;
    }

  return FALSE;
}

static GArray *
make_items (GPtrArray *words,
            double     dx,
            double     dy,
            GArray    *ignore)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (Item));

  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *word = g_ptr_array_index (words, i);
      Item item = { word, word->box, FALSE, NULL };

      item.box.x += dx;
      item.box.y += dy;
      if (!is_ignored (&item.box, ignore))
        g_array_append_val (items, item);
    }

  return items;
}

/* Pairs each unused old word with the nearest unused new word of the same
 * text within @reach points (or within half its height, if larger). */
static void
pair_same_text (GArray     *old_items,
                GArray     *new_items,
                GHashTable *by_text,
                double      reach)
{
  for (guint i = 0; i < old_items->len; i++)
    {
      Item *old_item = &g_array_index (old_items, Item, i);
      GArray *candidates;
      Item *best = NULL;
      double best_distance = MAX (reach, old_item->box.height / 2);

      if (old_item->used)
        continue;

      candidates = g_hash_table_lookup (by_text, old_item->word->text);
      for (guint j = 0; candidates != NULL && j < candidates->len; j++)
        {
          Item *new_item = &g_array_index (new_items, Item, g_array_index (candidates, guint, j));
          double distance = center_distance (&old_item->box, &new_item->box);

          if (!new_item->used && distance <= best_distance)
            {
              best = new_item;
              best_distance = distance;
            }
        }

      if (best != NULL)
        {
          old_item->used = TRUE;
          best->used = TRUE;
        }
    }
}

static double
overlap_area (const IrPdfRect *a,
              const IrPdfRect *b,
              double           grow)
{
  double x0 = MAX (a->x, b->x) - grow;
  double y0 = MAX (a->y, b->y) - grow;
  double x1 = MIN (a->x + a->width, b->x + b->width) + grow;
  double y1 = MIN (a->y + a->height, b->y + b->height) + grow;

  if (x1 <= x0 || y1 <= y0)
    return 0;

  return (x1 - x0) * (y1 - y0);
}

static IrDrawingTextChange *
change_new (IrDrawingTextChangeKind  kind,
            const Item              *old_item,
            const Item              *new_item)
{
  IrDrawingTextChange *change = g_new0 (IrDrawingTextChange, 1);

  change->kind = kind;
  if (old_item != NULL)
    {
      change->old_text = g_strdup (old_item->word->text);
      change->old_box = old_item->word->box;
    }
  if (new_item != NULL)
    {
      change->new_text = g_strdup (new_item->word->text);
      change->new_box = new_item->word->box;
    }

  return change;
}

/* Pairs words of different text that occupy the same place: a dimension
 * value or a note that was edited. */
static void
pair_changed (GArray *old_items,
              GArray *new_items)
{
  for (guint i = 0; i < old_items->len; i++)
    {
      Item *old_item = &g_array_index (old_items, Item, i);
      Item *best = NULL;
      double best_overlap = 0;

      if (old_item->used)
        continue;

      for (guint j = 0; j < new_items->len; j++)
        {
          Item *new_item = &g_array_index (new_items, Item, j);
          double grow = 0.3 * MIN (old_item->box.height, new_item->box.height);
          double overlap;

          if (new_item->used)
            continue;

          overlap = overlap_area (&old_item->box, &new_item->box, grow);
          if (overlap > best_overlap)
            {
              best = new_item;
              best_overlap = overlap;
            }
        }

      if (best != NULL)
        {
          old_item->used = TRUE;
          best->used = TRUE;
          best->change = change_new (IR_DRAWING_TEXT_CHANGED, old_item, best);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Joining words into phrases                                               */
/* ------------------------------------------------------------------------ */

static gboolean
continues_line (const IrPdfRect *previous,
                const IrPdfRect *next)
{
  double height = MAX (previous->height, next->height);
  double gap = next->x - (previous->x + previous->width);
  double middle_shift = (next->y + next->height / 2) - (previous->y + previous->height / 2);

  return gap >= -0.1 * height && gap <= JOIN_GAP * height &&
         fabs (middle_shift) < height / 2;
}

static void
append_word (char      **text,
             IrPdfRect  *box,
             const char *word,
             const IrPdfRect *word_box)
{
  char *joined = g_strconcat (*text, " ", word, NULL);

  g_free (*text);
  *text = joined;
  ir_pdf_rect_union (box, word_box);
}

static gboolean
try_join (IrDrawingTextChange       *into,
          const IrDrawingTextChange *next)
{
  gboolean has_old = into->kind != IR_DRAWING_TEXT_ADDED;
  gboolean has_new = into->kind != IR_DRAWING_TEXT_REMOVED;

  if (into->kind != next->kind)
    return FALSE;
  if (has_old && !continues_line (&into->old_box, &next->old_box))
    return FALSE;
  if (has_new && !continues_line (&into->new_box, &next->new_box))
    return FALSE;

  if (has_old)
    append_word (&into->old_text, &into->old_box, next->old_text, &next->old_box);
  if (has_new)
    append_word (&into->new_text, &into->new_box, next->new_text, &next->new_box);

  return TRUE;
}

/* Joins consecutive changes of one kind that continue one line, so that an
 * added note is one change rather than one per word. Takes the changes
 * out of @changes. */
static GPtrArray *
join_phrases (GPtrArray *changes)
{
  GPtrArray *joined = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_drawing_text_change_free);

  g_ptr_array_set_free_func (changes, NULL);
  for (guint i = 0; i < changes->len; i++)
    {
      IrDrawingTextChange *change = g_ptr_array_index (changes, i);

      if (joined->len > 0 && try_join (g_ptr_array_index (joined, joined->len - 1), change))
        ir_drawing_text_change_free (change);
      else
        g_ptr_array_add (joined, change);
    }
  g_ptr_array_set_size (changes, 0);

  return joined;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * ir_drawing_text_compare:
 * @old_words: (element-type IrPdfWord): the old page's words in reading order
 * @new_words: (element-type IrPdfWord): the new page's words in reading order
 * @offset_x: how far right the new sheet's content lies, in points
 * @offset_y: how far down the new sheet's content lies, in points
 * @ignore: (element-type IrPdfRect) (nullable): areas of the new page whose
 *   words are left out
 *
 * Matches the words of two revisions by text and position. A word found at
 * the same place, or moved up to about 12 mm, did not change. Two different
 * words at the same place are a change "old → new". The rest were added or
 * removed. Changes of one kind in one line are joined into a phrase.
 *
 * Returns: (transfer container) (element-type IrDrawingTextChange): the
 *   changes, in the order of the new page's text, then the removed ones
 */
GPtrArray *
ir_drawing_text_compare (GPtrArray *old_words,
                         GPtrArray *new_words,
                         double     offset_x,
                         double     offset_y,
                         GArray    *ignore)
{
  g_autoptr(GArray) old_items = make_items (old_words, offset_x, offset_y, ignore);
  g_autoptr(GArray) new_items = make_items (new_words, 0, 0, ignore);
  g_autoptr(GHashTable) by_text = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_drawing_text_change_free);

  for (guint j = 0; j < new_items->len; j++)
    {
      const Item *item = &g_array_index (new_items, Item, j);
      GArray *candidates = g_hash_table_lookup (by_text, item->word->text);

      if (candidates == NULL)
        {
          candidates = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_text, item->word->text, candidates);
        }
      g_array_append_val (candidates, j);
    }

  pair_same_text (old_items, new_items, by_text, 2.0);
  pair_same_text (old_items, new_items, by_text, MOVE_REACH);
  pair_changed (old_items, new_items);

  /* Emit in the new page's reading order so that phrases can be joined. */
  for (guint j = 0; j < new_items->len; j++)
    {
      Item *new_item = &g_array_index (new_items, Item, j);

      if (new_item->change != NULL)
        g_ptr_array_add (ordered, g_steal_pointer (&new_item->change));
      else if (!new_item->used)
        g_ptr_array_add (ordered, change_new (IR_DRAWING_TEXT_ADDED, NULL, new_item));
    }

  for (guint i = 0; i < old_items->len; i++)
    {
      const Item *old_item = &g_array_index (old_items, Item, i);

      if (!old_item->used)
        g_ptr_array_add (ordered, change_new (IR_DRAWING_TEXT_REMOVED, old_item, NULL));
    }

  return join_phrases (ordered);
}
