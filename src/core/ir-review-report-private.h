/* ir-review-report-private.h: page layout shared by the report's files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "ir-review-private.h"

G_BEGIN_DECLS

/* A4 portrait, in PDF points. */
#define IR_REPORT_PAGE_WIDTH   595.28
#define IR_REPORT_PAGE_HEIGHT  841.89
#define IR_REPORT_MARGIN       50.0
#define IR_REPORT_TOP          56.0
#define IR_REPORT_BOTTOM       (IR_REPORT_PAGE_HEIGHT - 64.0)
#define IR_REPORT_TEXT_WIDTH   (IR_REPORT_PAGE_WIDTH - 2 * IR_REPORT_MARGIN)

/* Real text in a font with Chinese glyphs, so that the report can be
 * searched and copied from in both languages. */
#define IR_REPORT_FONT         "Noto Sans CJK SC"
#define IR_REPORT_BODY         IR_REPORT_FONT " 11"
#define IR_REPORT_SMALL        IR_REPORT_FONT " 9"
#define IR_REPORT_TABLE        IR_REPORT_FONT " 10"
#define IR_REPORT_HEADING      IR_REPORT_FONT " Bold 20"
#define IR_REPORT_SUBHEADING   IR_REPORT_FONT " Bold 13"
#define IR_REPORT_TITLE        IR_REPORT_FONT " Bold 26"

typedef struct
{
  double red, green, blue;
} IrReportColor;

/* The pen that lays out the report from top to bottom, page after page. */
typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  double           y;
  int              page;        /* from 1 */
  char            *footer;
} IrReportPen;

/* One column of a table: its heading and its share of the text width. */
typedef struct
{
  const char *heading;
  double      share;
} IrReportColumn;

/* One row of a table: a Pango markup string per column, and an optional
 * colour chip before the first cell. */
typedef struct
{
  char          **cells;
  gboolean        has_chip;
  IrReportColor   chip;
} IrReportRow;

/* ir-review-report.c */
void     ir_report_pen_new_page     (IrReportPen          *pen);
void     ir_report_pen_ensure       (IrReportPen          *pen,
                                     double                height);
double   ir_report_pen_draw_markup  (IrReportPen          *pen,
                                     double                x,
                                     double                y,
                                     double                width,
                                     const char           *markup,
                                     const char           *font,
                                     gboolean              draw);
void     ir_report_pen_paragraph    (IrReportPen          *pen,
                                     const char           *text,
                                     const char           *font);
void     ir_report_pen_heading      (IrReportPen          *pen,
                                     const char           *text,
                                     gboolean              section);
void     ir_report_pen_table        (IrReportPen          *pen,
                                     const IrReportColumn *columns,
                                     guint                 n_columns,
                                     GPtrArray            *rows);
IrReportRow *ir_report_row_new      (guint                 n_cells);
void     ir_report_row_free         (IrReportRow          *row);
IrReportColor ir_report_tier_color  (IrTier                tier);

/* ir-review-report-sections.c */
void     ir_report_write_map        (IrReportPen          *pen,
                                     IrReviewAgenda       *agenda);
void     ir_report_write_drawing    (IrReportPen          *pen,
                                     IrReviewAgenda       *agenda,
                                     int                   index);
void     ir_report_write_plan       (IrReportPen          *pen,
                                     IrReviewAgenda       *agenda);
void     ir_report_write_escalations (IrReportPen         *pen,
                                     IrReviewAgenda       *agenda);
void     ir_report_write_decisions  (IrReportPen          *pen,
                                     IrReviewAgenda       *agenda);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrReportRow, ir_report_row_free)

G_END_DECLS
