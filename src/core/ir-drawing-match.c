/* ir-drawing-match.c: which page of a new revision continues which old one
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ir-drawing-match.h"

const char *
ir_drawing_match_reason_to_string (IrDrawingMatchReason reason)
{
  switch (reason)
    {
    case IR_DRAWING_MATCH_SHEET:
      return "sheet-number";
    case IR_DRAWING_MATCH_TITLE:
      return "title";
    case IR_DRAWING_MATCH_ORDER:
      return "page-order";
    case IR_DRAWING_MATCH_NONE:
      return "unmatched";
    case IR_DRAWING_MATCH_CHOSEN:
      return "choice";
    default:
      g_return_val_if_reached ("unmatched");
    }
}

/* Two sheets are the same sheet when they carry the same drawing number and,
 * where both show one, the same sheet number. Sheets without drawing numbers
 * must show the same "sheet 2 of 3". */
static gboolean
same_sheet (const IrPdfSheetInfo *a,
            const IrPdfSheetInfo *b)
{
  if (a->number == NULL && b->number == NULL)
    return a->sheet > 0 && a->sheet == b->sheet && a->n_sheets == b->n_sheets;

  if (a->number == NULL || b->number == NULL || !g_str_equal (a->number, b->number))
    return FALSE;

  if (a->sheet > 0 && b->sheet > 0)
    return a->sheet == b->sheet;

  return TRUE;
}

static gboolean
same_title (const IrPdfSheetInfo *a,
            const IrPdfSheetInfo *b)
{
  return a->title != NULL && b->title != NULL && g_str_equal (a->title, b->title);
}

static guint
count_equal (GPtrArray            *sheets,
             const IrPdfSheetInfo *info,
             gboolean            (*equal) (const IrPdfSheetInfo *,
                                           const IrPdfSheetInfo *))
{
  guint count = 0;

  for (guint i = 0; i < sheets->len; i++)
    if (equal (g_ptr_array_index (sheets, i), info))
      count++;

  return count;
}

/* Pairs the pages whose key occurs exactly once on each side. */
static void
pair_unique (GPtrArray             *old_sheets,
             GPtrArray             *new_sheets,
             int                   *old_to_new,
             int                   *new_to_old,
             gboolean             (*equal) (const IrPdfSheetInfo *,
                                            const IrPdfSheetInfo *),
             IrDrawingMatchReason  *reasons,
             IrDrawingMatchReason   reason)
{
  for (guint i = 0; i < old_sheets->len; i++)
    {
      const IrPdfSheetInfo *old_info = g_ptr_array_index (old_sheets, i);

      if (old_to_new[i] >= 0 || count_equal (old_sheets, old_info, equal) != 1 ||
          count_equal (new_sheets, old_info, equal) != 1)
        continue;

      for (guint j = 0; j < new_sheets->len; j++)
        if (new_to_old[j] < 0 && equal (old_info, g_ptr_array_index (new_sheets, j)))
          {
            old_to_new[i] = j;
            new_to_old[j] = i;
            reasons[i] = reason;
            break;
          }
    }
}

/**
 * ir_drawing_match_sheets:
 * @old_sheets: (element-type IrPdfSheetInfo): the old revision's pages
 * @new_sheets: (element-type IrPdfSheetInfo): the new revision's pages
 *
 * Pairs pages by drawing and sheet number first, then by title, then the
 * pages left over on both sides in their order. Without text, pages pair
 * by order alone.
 *
 * Returns: (transfer full) (element-type IrDrawingPageMatch): the pairs in
 *   the old revision's page order, then the new revision's extra pages
 */
GArray *
ir_drawing_match_sheets (GPtrArray *old_sheets,
                         GPtrArray *new_sheets)
{
  g_autofree int *old_to_new = g_new (int, old_sheets->len + 1);
  g_autofree int *new_to_old = g_new (int, new_sheets->len + 1);
  g_autofree IrDrawingMatchReason *reasons = g_new (IrDrawingMatchReason, old_sheets->len + 1);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (IrDrawingPageMatch));
  guint next_new = 0;

  for (guint i = 0; i < old_sheets->len; i++)
    old_to_new[i] = -1;
  for (guint j = 0; j < new_sheets->len; j++)
    new_to_old[j] = -1;

  pair_unique (old_sheets, new_sheets, old_to_new, new_to_old, same_sheet,
               reasons, IR_DRAWING_MATCH_SHEET);
  pair_unique (old_sheets, new_sheets, old_to_new, new_to_old, same_title,
               reasons, IR_DRAWING_MATCH_TITLE);

  for (guint i = 0; i < old_sheets->len; i++)
    {
      if (old_to_new[i] >= 0)
        continue;

      while (next_new < new_sheets->len && new_to_old[next_new] >= 0)
        next_new++;
      if (next_new >= new_sheets->len)
        break;

      old_to_new[i] = next_new;
      new_to_old[next_new] = i;
      reasons[i] = IR_DRAWING_MATCH_ORDER;
    }

  for (guint i = 0; i < old_sheets->len; i++)
    {
      IrDrawingPageMatch match = { i, old_to_new[i], IR_DRAWING_MATCH_NONE };

      if (old_to_new[i] >= 0)
        match.reason = reasons[i];
      g_array_append_val (matches, match);
    }

  for (guint j = 0; j < new_sheets->len; j++)
    if (new_to_old[j] < 0)
      {
        IrDrawingPageMatch match = { -1, j, IR_DRAWING_MATCH_NONE };

        g_array_append_val (matches, match);
      }

  return matches;
}

static GPtrArray *
read_sheets (IrPdf *pdf)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_pdf_sheet_info_free);
  int n_pages = ir_pdf_get_n_pages (pdf);

  for (int page = 0; page < n_pages; page++)
    g_ptr_array_add (sheets, ir_pdf_get_sheet_info (pdf, page));

  return sheets;
}

/* Reads the title blocks of both revisions and pairs their pages; see
 * ir_drawing_match_sheets(). May run in a worker thread. */
GArray *
ir_drawing_match_pages (IrPdf *old_pdf,
                        IrPdf *new_pdf)
{
  g_autoptr(GPtrArray) old_sheets = read_sheets (old_pdf);
  g_autoptr(GPtrArray) new_sheets = read_sheets (new_pdf);

  return ir_drawing_match_sheets (old_sheets, new_sheets);
}
