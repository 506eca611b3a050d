/* ir-drafting-sheet.c: drawing sheet, title block and revision table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ir-drafting-sheet.h"

#define ZONE_BAND 5.0
#define ZONE_LENGTH 50.0
#define LABEL_HEIGHT 2.0
#define ROW_HEIGHT 7.0

/* Labels of the title block and the revision table, per language. */
typedef struct
{
  const char *material;
  const char *weight;
  const char *scale;
  const char *projection;
  const char *title;
  const char *number;
  const char *revision;
  const char *sheet;
  const char *roles[IR_DRAFT_N_ROLES];
  const char *name;
  const char *date;
  const char *columns[5];
} SheetLabels;

static const SheetLabels chinese_labels = {
  .material = "材料",
  .weight = "重量",
  .scale = "比例",
  .projection = "投影",
  .title = "名称",
  .number = "图号",
  .revision = "版本",
  .sheet = "张次",
  .roles = { "设计", "校核", "批准", "标准化" },
  .name = "签名",
  .date = "日期",
  .columns = { "版本", "修改内容", "日期", "修改", "批准" },
};

static const SheetLabels english_labels = {
  .material = "MATERIAL",
  .weight = "WEIGHT",
  .scale = "SCALE",
  .projection = "PROJECTION",
  .title = "TITLE",
  .number = "DWG NO.",
  .revision = "REV",
  .sheet = "SHEET",
  .roles = { "DRAWN", "CHECKED", "APPROVED", "STANDARDS" },
  .name = "NAME",
  .date = "DATE",
  .columns = { "REV", "DESCRIPTION", "DATE", "BY", "APPD" },
};

/* Widths of the revision table's columns. They add up to the title block's
 * width, so both line up on the right edge of the frame. */
static const double revision_columns[] = { 14, 106, 24, 18, 18 };

/* ------------------------------------------------------------------------ */
/* Frame and zones                                                          */
/* ------------------------------------------------------------------------ */

/* Rounds to the nearest even count of zones about ZONE_LENGTH long. */
static int
count_zones (double length)
{
  int count = (int) round (length / ZONE_LENGTH / 2) * 2;

  return MAX (count, 2);
}

static void
draw_zone_labels (IrDraft *draft,
                  double   left,
                  double   top,
                  double   right,
                  double   bottom)
{
  static const char letters[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  int columns = count_zones (right - left);
  int rows = MIN (count_zones (bottom - top), (int) sizeof letters - 1);
  double column_width = (right - left) / columns;
  double row_height = (bottom - top) / rows;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  ir_draft_rect (draft, left - ZONE_BAND, top - ZONE_BAND,
                 right - left + 2 * ZONE_BAND, bottom - top + 2 * ZONE_BAND);

  for (int i = 0; i < columns; i++)
    {
      double x = left + i * column_width;
      g_autofree char *label = g_strdup_printf ("%d", i + 1);

      if (i > 0)
        {
          ir_draft_line (draft, x, top - ZONE_BAND, x, top);
          ir_draft_line (draft, x, bottom, x, bottom + ZONE_BAND);
        }
      ir_draft_text (draft, x + column_width / 2, top - 1.4, 3,
                     IR_DRAFT_ALIGN_CENTER, label);
      ir_draft_text (draft, x + column_width / 2, bottom + 3.9, 3,
                     IR_DRAFT_ALIGN_CENTER, label);
    }

  for (int i = 0; i < rows; i++)
    {
      double y = top + i * row_height;
      char label[2] = { letters[i], '\0' };

      if (i > 0)
        {
          ir_draft_line (draft, left - ZONE_BAND, y, left, y);
          ir_draft_line (draft, right, y, right + ZONE_BAND, y);
        }
      ir_draft_text (draft, left - ZONE_BAND / 2, y + row_height / 2 + 1.5, 3,
                     IR_DRAFT_ALIGN_CENTER, label);
      ir_draft_text (draft, right + ZONE_BAND / 2, y + row_height / 2 + 1.5, 3,
                     IR_DRAFT_ALIGN_CENTER, label);
    }
}

/* Centring marks: short thick strokes across the middle of each side, from
 * the trimmed edge into the frame, to position the sheet for copying. */
static void
draw_centring_marks (IrDraft *draft,
                     double   width,
                     double   height)
{
  ir_draft_set_pen (draft, IR_DRAFT_PEN_FRAME);
  ir_draft_line (draft, width / 2, 0, width / 2, IR_DRAFT_MARGIN + 5);
  ir_draft_line (draft, width / 2, height, width / 2, height - IR_DRAFT_MARGIN - 5);
  ir_draft_line (draft, 0, height / 2, IR_DRAFT_MARGIN_LEFT + 5, height / 2);
  ir_draft_line (draft, width, height / 2, width - IR_DRAFT_MARGIN - 5, height / 2);
}

/* ------------------------------------------------------------------------ */
/* Title block                                                              */
/* ------------------------------------------------------------------------ */

static void
draw_cell (IrDraft    *draft,
           double      x,
           double      y,
           double      width,
           double      height,
           const char *label,
           const char *value,
           double      value_height)
{
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  ir_draft_rect (draft, x, y, width, height);

  if (label != NULL)
    ir_draft_text (draft, x + 1, y + 1 + LABEL_HEIGHT, LABEL_HEIGHT,
                   IR_DRAFT_ALIGN_LEFT, label);
  if (value != NULL)
    ir_draft_text (draft, x + width / 2, y + height / 2 + value_height / 2 + 1,
                   value_height, IR_DRAFT_ALIGN_CENTER, value);
}

static void
draw_signatures (IrDraft            *draft,
                 const IrDraftSheet *sheet,
                 const SheetLabels  *labels,
                 double              x,
                 double              y)
{
  for (int role = 0; role < IR_DRAFT_N_ROLES; role++)
    {
      double row = y + role * ROW_HEIGHT;

      draw_cell (draft, x, row, 16, ROW_HEIGHT, NULL, NULL, 0);
      ir_draft_text (draft, x + 8, row + 4.9, 2.5, IR_DRAFT_ALIGN_CENTER,
                     labels->roles[role]);
      draw_cell (draft, x + 16, row, 22, ROW_HEIGHT, NULL, sheet->names[role], 2.5);
      draw_cell (draft, x + 38, row, 22, ROW_HEIGHT, NULL, sheet->dates[role], 2.5);
    }
}

static void
draw_title_block (IrDraft            *draft,
                  const IrDraftSheet *sheet,
                  const SheetLabels  *labels,
                  double              right,
                  double              bottom)
{
  double x = right - IR_DRAFT_TITLE_BLOCK_WIDTH;
  double y = bottom - IR_DRAFT_TITLE_BLOCK_HEIGHT;
  g_autofree char *sheet_text = NULL;

  if (sheet->english)
    sheet_text = g_strdup_printf ("SHEET %d OF %d", sheet->sheet, sheet->n_sheets);
  else
    sheet_text = g_strdup_printf ("第 %d 张 共 %d 张", sheet->sheet, sheet->n_sheets);

  draw_cell (draft, x, y, 60, 14, labels->material, sheet->material, 5);
  draw_cell (draft, x, y + 14, 60, 14, labels->weight, sheet->weight, 3.5);
  draw_cell (draft, x + 60, y, 60, 14, labels->scale, sheet->scale, 5);
  draw_cell (draft, x + 60, y + 14, 60, 14, labels->projection, NULL, 0);
  ir_draft_projection_symbol (draft, x + 90, y + 21, 8);

  draw_cell (draft, x + 120, y, 60, 28, NULL, NULL, 0);
  ir_draft_text (draft, x + 150, y + 12, 3.5, IR_DRAFT_ALIGN_CENTER, sheet->company);
  ir_draft_text (draft, x + 150, y + 20, 2.5, IR_DRAFT_ALIGN_CENTER,
                 sheet->english ? "Valve Division" : "阀门事业部");

  draw_signatures (draft, sheet, labels, x, y + 28);

  draw_cell (draft, x + 60, y + 28, 120, 14, labels->title, NULL, 0);
  ir_draft_text (draft, x + 120, y + 28 + (sheet->subtitle ? 7.2 : 9.5),
                 sheet->subtitle ? 4 : 5, IR_DRAFT_ALIGN_CENTER, sheet->title);
  if (sheet->subtitle != NULL)
    ir_draft_text (draft, x + 120, y + 28 + 12.3, 3, IR_DRAFT_ALIGN_CENTER,
                   sheet->subtitle);

  draw_cell (draft, x + 60, y + 42, 60, 14, labels->number, sheet->number, 5);
  draw_cell (draft, x + 120, y + 42, 20, 14, labels->revision, sheet->revision, 5);
  draw_cell (draft, x + 140, y + 42, 40, 14, labels->sheet, sheet_text, 2.5);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_FRAME);
  ir_draft_rect (draft, x, y, IR_DRAFT_TITLE_BLOCK_WIDTH, IR_DRAFT_TITLE_BLOCK_HEIGHT);
}

/* ------------------------------------------------------------------------ */
/* Revision table                                                           */
/* ------------------------------------------------------------------------ */

static void
draw_revision_row (IrDraft           *draft,
                   double             x,
                   double             y,
                   const char * const cells[5],
                   double             text_height)
{
  double left = x;

  for (guint i = 0; i < G_N_ELEMENTS (revision_columns); i++)
    {
      double width = revision_columns[i];

      ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
      ir_draft_rect (draft, left, y, width, ROW_HEIGHT);
      if (cells[i] != NULL && i == 1)
        ir_draft_text (draft, left + 1.5, y + 3.5 + text_height / 2, text_height,
                       IR_DRAFT_ALIGN_LEFT, cells[i]);
      else if (cells[i] != NULL)
        ir_draft_text (draft, left + width / 2, y + 3.5 + text_height / 2,
                       text_height, IR_DRAFT_ALIGN_CENTER, cells[i]);
      left += width;
    }
}

/* Draws the table at the top right of the frame: the header, then the
 * revisions with the newest at the bottom. */
static void
draw_revision_table (IrDraft            *draft,
                     const IrDraftSheet *sheet,
                     const SheetLabels  *labels,
                     double              right,
                     double              top)
{
  double x = right - IR_DRAFT_TITLE_BLOCK_WIDTH;
  double height = ROW_HEIGHT * (sheet->n_revisions + 1);

  draw_revision_row (draft, x, top, labels->columns, 2.5);

  for (guint i = 0; i < sheet->n_revisions; i++)
    {
      const IrDraftRevision *revision = &sheet->revisions[i];
      const char *cells[5] = {
        revision->revision, revision->description, revision->date,
        revision->author, revision->approver,
      };

      draw_revision_row (draft, x, top + ROW_HEIGHT * (i + 1), cells, 2.5);
    }

  ir_draft_set_pen (draft, IR_DRAFT_PEN_FRAME);
  ir_draft_rect (draft, x, top, IR_DRAFT_TITLE_BLOCK_WIDTH, height);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */
/* ------------------------------------------------------------------------ */

/**
 * ir_draft_sheet_draw:
 * @draft: the kit, on a page of @sheet's size
 * @sheet: what the sheet shows
 *
 * Draws the furniture of a sheet: frame, zone grid, centring marks, title
 * block in the bottom-right corner and revision table in the top-right one.
 */
void
ir_draft_sheet_draw (IrDraft            *draft,
                     const IrDraftSheet *sheet)
{
  const SheetLabels *labels = sheet->english ? &english_labels : &chinese_labels;
  double left = IR_DRAFT_MARGIN_LEFT;
  double top = IR_DRAFT_MARGIN;
  double right = sheet->width - IR_DRAFT_MARGIN;
  double bottom = sheet->height - IR_DRAFT_MARGIN;

  draw_zone_labels (draft, left, top, right, bottom);
  draw_centring_marks (draft, sheet->width, sheet->height);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_FRAME);
  ir_draft_rect (draft, left, top, right - left, bottom - top);

  draw_title_block (draft, sheet, labels, right, bottom);
  draw_revision_table (draft, sheet, labels, right, top);
}

/* Draws numbered notes under a heading, the heading's baseline at
 * (@x, @y). @lines is %NULL-terminated; each line is set as given. */
void
ir_draft_notes (IrDraft            *draft,
                double              x,
                double              y,
                const char         *heading,
                const char * const *lines)
{
  ir_draft_text (draft, x, y, 5, IR_DRAFT_ALIGN_LEFT, heading);

  for (guint i = 0; lines[i] != NULL; i++)
    ir_draft_text (draft, x + 2, y + 9 + i * 6.5, 3.5, IR_DRAFT_ALIGN_LEFT, lines[i]);
}

/* Draws the first-angle projection symbol of ISO 128 centred on (@x, @y):
 * a truncated cone seen from the side, and from its small end on the right. */
void
ir_draft_projection_symbol (IrDraft *draft,
                            double   x,
                            double   y,
                            double   size)
{
  cairo_t *cr = draft->cr;
  double big = size / 2;
  double small = size / 4;
  double cone_left = x - size * 1.1;
  double cone_right = x - size * 0.1;
  double circle_x = x + size * 0.75;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  cairo_move_to (cr, cone_left, y - small);
  cairo_line_to (cr, cone_right, y - big);
  cairo_line_to (cr, cone_right, y + big);
  cairo_line_to (cr, cone_left, y + small);
  cairo_close_path (cr);
  cairo_stroke (cr);

  ir_draft_circle (draft, circle_x, y, big);
  ir_draft_circle (draft, circle_x, y, small);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_draft_line (draft, cone_left - 1.5, y, circle_x + big + 1.5, y);
  ir_draft_line (draft, circle_x, y - big - 1.5, circle_x, y + big + 1.5);
}
