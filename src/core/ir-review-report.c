/* ir-review-report.c: the review as a PDF for people who were not there
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report has one section per step of the agenda, in the same order
 * and under the same headings as the review mode, each an entry of the
 * PDF's outline. Text is laid out with Pango, so it stays text in the PDF.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "ir-review-report-private.h"

#define CELL_PADDING 4.0
#define CHIP_SIZE    8.0
#define RULE_GREY    0.75

/* --- the pen -------------------------------------------------------------- */

static void
draw_footer (IrReportPen *pen)
{
  g_autofree char *number = g_strdup_printf (_("Page %d"), pen->page);
  cairo_t *cr = pen->cr;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  ir_report_pen_draw_markup (pen, IR_REPORT_MARGIN, IR_REPORT_PAGE_HEIGHT - 40,
                             IR_REPORT_TEXT_WIDTH * 0.8, pen->footer, IR_REPORT_SMALL, TRUE);
  ir_report_pen_draw_markup (pen, IR_REPORT_PAGE_WIDTH - IR_REPORT_MARGIN - 60,
                             IR_REPORT_PAGE_HEIGHT - 40, 60, number, IR_REPORT_SMALL, TRUE);
  cairo_restore (cr);
}

void
ir_report_pen_new_page (IrReportPen *pen)
{
  draw_footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = IR_REPORT_TOP;
}

/* Starts a new page unless @height more points fit on this one. */
void
ir_report_pen_ensure (IrReportPen *pen,
                      double       height)
{
  if (pen->y + height > IR_REPORT_BOTTOM && pen->y > IR_REPORT_TOP)
    ir_report_pen_new_page (pen);
}

/**
 * ir_report_pen_draw_markup:
 * @draw: %FALSE to measure only
 *
 * Lays out Pango @markup in @font, @width points wide, at (@x, @y), in the
 * current source colour.
 *
 * Returns: its height in points
 */
double
ir_report_pen_draw_markup (IrReportPen *pen,
                           double       x,
                           double       y,
                           double       width,
                           const char  *markup,
                           const char  *font,
                           gboolean     draw)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int text_width, text_height;

  /* Font sizes are in points of the page, whose unit is the point; Pango
   * would otherwise assume 96 dpi and make them a third larger. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup != NULL ? markup : "", -1);
  pango_layout_get_size (layout, &text_width, &text_height);

  if (draw)
    {
      cairo_move_to (pen->cr, x, y);
      pango_cairo_show_layout (pen->cr, layout);
    }

  return (double) text_height / PANGO_SCALE;
}

/* Writes a paragraph of plain @text across the page. */
void
ir_report_pen_paragraph (IrReportPen *pen,
                         const char  *text,
                         const char  *font)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  double height = ir_report_pen_draw_markup (pen, 0, 0, IR_REPORT_TEXT_WIDTH, markup, font,
                                             FALSE);

  ir_report_pen_ensure (pen, height);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  ir_report_pen_draw_markup (pen, IR_REPORT_MARGIN, pen->y, IR_REPORT_TEXT_WIDTH, markup, font,
                             TRUE);
  pen->y += height + 6;
}

/**
 * ir_report_pen_heading:
 * @section: %TRUE for a section of the agenda, which gets an entry in the
 *   PDF's outline; %FALSE for a heading within a section
 */
void
ir_report_pen_heading (IrReportPen *pen,
                       const char  *text,
                       gboolean     section)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);
  const char *font = section ? IR_REPORT_HEADING : IR_REPORT_SUBHEADING;
  double height = ir_report_pen_draw_markup (pen, 0, 0, IR_REPORT_TEXT_WIDTH, markup, font,
                                             FALSE);

  /* A heading stays with the first lines under it. */
  ir_report_pen_ensure (pen, height + 60);

  if (section)
    {
      g_autofree char *link = g_strdup_printf ("page=%d pos=[%g %g]", pen->page,
                                               IR_REPORT_MARGIN, pen->y);

      cairo_pdf_surface_add_outline (pen->surface, CAIRO_PDF_OUTLINE_ROOT, text, link,
                                     CAIRO_PDF_OUTLINE_FLAG_OPEN);
    }
  else
    pen->y += 6;

  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  ir_report_pen_draw_markup (pen, IR_REPORT_MARGIN, pen->y, IR_REPORT_TEXT_WIDTH, markup, font,
                             TRUE);
  pen->y += height + 4;

  if (section)
    {
      cairo_set_line_width (pen->cr, 1.5);
      cairo_move_to (pen->cr, IR_REPORT_MARGIN, pen->y);
      cairo_line_to (pen->cr, IR_REPORT_MARGIN + IR_REPORT_TEXT_WIDTH, pen->y);
      cairo_stroke (pen->cr);
      pen->y += 10;
    }
}

/* --- tables --------------------------------------------------------------- */

IrReportRow *
ir_report_row_new (guint n_cells)
{
  IrReportRow *row = g_new0 (IrReportRow, 1);

  row->cells = g_new0 (char *, n_cells + 1);

  return row;
}

void
ir_report_row_free (IrReportRow *row)
{
  if (row == NULL)
    return;

  g_strfreev (row->cells);
  g_free (row);
}

IrReportColor
ir_report_tier_color (IrTier tier)
{
  /* Darker than the app's colours, because yellow on white paper is hard
   * to see. */
  static const IrReportColor colors[] = {
    [IR_TIER_NONE] = { 0.55, 0.55, 0.55 },
    [IR_TIER_BLUE] = { 0.10, 0.35, 0.80 },
    [IR_TIER_YELLOW] = { 0.85, 0.60, 0.00 },
    [IR_TIER_RED] = { 0.80, 0.10, 0.10 },
  };

  return colors[tier <= IR_TIER_RED ? tier : IR_TIER_NONE];
}

static double
cell_x (const IrReportColumn *columns,
        guint                 index)
{
  double x = IR_REPORT_MARGIN;

  for (guint i = 0; i < index; i++)
    x += columns[i].share * IR_REPORT_TEXT_WIDTH;

  return x;
}

static double
row_height (IrReportPen          *pen,
            const IrReportColumn *columns,
            guint                 n_columns,
            char                **cells,
            const char           *font,
            gboolean              chip)
{
  double height = 0;

  for (guint i = 0; i < n_columns; i++)
    {
      double inset = (i == 0 && chip) ? CHIP_SIZE + 4 : 0;
      double width = columns[i].share * IR_REPORT_TEXT_WIDTH - 2 * CELL_PADDING - inset;

      height = MAX (height, ir_report_pen_draw_markup (pen, 0, 0, width, cells[i], font, FALSE));
    }

  return height + 2 * CELL_PADDING;
}

static void
draw_row (IrReportPen          *pen,
          const IrReportColumn *columns,
          guint                 n_columns,
          char                **cells,
          const char           *font,
          const IrReportRow    *row,
          double                height)
{
  cairo_t *cr = pen->cr;

  for (guint i = 0; i < n_columns; i++)
    {
      double x = cell_x (columns, i) + CELL_PADDING;
      double width = columns[i].share * IR_REPORT_TEXT_WIDTH - 2 * CELL_PADDING;

      if (i == 0 && row != NULL && row->has_chip)
        {
          cairo_set_source_rgb (cr, row->chip.red, row->chip.green, row->chip.blue);
          cairo_rectangle (cr, x, pen->y + CELL_PADDING + 2.5, CHIP_SIZE, CHIP_SIZE);
          cairo_fill (cr);
          x += CHIP_SIZE + 4;
          width -= CHIP_SIZE + 4;
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      ir_report_pen_draw_markup (pen, x, pen->y + CELL_PADDING, width, cells[i], font, TRUE);
    }

  pen->y += height;
  cairo_set_source_rgb (cr, RULE_GREY, RULE_GREY, RULE_GREY);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, IR_REPORT_MARGIN, pen->y);
  cairo_line_to (cr, IR_REPORT_MARGIN + IR_REPORT_TEXT_WIDTH, pen->y);
  cairo_stroke (cr);
}

static void
draw_header (IrReportPen          *pen,
             const IrReportColumn *columns,
             guint                 n_columns)
{
  g_auto(GStrv) cells = g_new0 (char *, n_columns + 1);
  double height;

  for (guint i = 0; i < n_columns; i++)
    cells[i] = g_markup_printf_escaped ("<b>%s</b>", columns[i].heading);

  height = row_height (pen, columns, n_columns, cells, IR_REPORT_SMALL, FALSE);
  draw_row (pen, columns, n_columns, cells, IR_REPORT_SMALL, NULL, height);
}

/**
 * ir_report_pen_table:
 * @rows: (element-type IrReportRow): the rows
 *
 * Draws a table across the page; a row that does not fit starts a new
 * page, which repeats the column headings.
 */
void
ir_report_pen_table (IrReportPen          *pen,
                     const IrReportColumn *columns,
                     guint                 n_columns,
                     GPtrArray            *rows)
{
  ir_report_pen_ensure (pen, 48);
  draw_header (pen, columns, n_columns);

  for (guint i = 0; i < rows->len; i++)
    {
      const IrReportRow *row = g_ptr_array_index (rows, i);
      double height = row_height (pen, columns, n_columns, row->cells, IR_REPORT_TABLE,
                                  row->has_chip);

      if (pen->y + height > IR_REPORT_BOTTOM)
        {
          ir_report_pen_new_page (pen);
          draw_header (pen, columns, n_columns);
        }
      draw_row (pen, columns, n_columns, row->cells, IR_REPORT_TABLE, row, height);
    }

  pen->y += 10;
}

/* --- overview ------------------------------------------------------------- */

static void
write_overview (IrReportPen    *pen,
                IrReviewAgenda *agenda,
                const char     *heading)
{
  g_autofree char *title = NULL;
  g_autofree char *today = ir_review_format_day (agenda->today);
  g_autofree char *range = NULL;
  g_autofree char *held = NULL;
  g_autofree char *title_markup = NULL;
  double height;

  /* Translators: the report's title; %s is the room's name. */
  title = g_strdup_printf (_("Project review: %s"), agenda->room_name ? agenda->room_name : "");
  title_markup = g_markup_escape_text (title, -1);
  height = ir_report_pen_draw_markup (pen, 0, 0, IR_REPORT_TEXT_WIDTH, title_markup,
                                      IR_REPORT_TITLE, FALSE);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  ir_report_pen_draw_markup (pen, IR_REPORT_MARGIN, pen->y, IR_REPORT_TEXT_WIDTH, title_markup,
                             IR_REPORT_TITLE, TRUE);
  pen->y += height + 8;

  if (agenda->customer != NULL)
    ir_report_pen_paragraph (pen, agenda->customer, IR_REPORT_FONT " 13");

  if (agenda->since_review != NULL)
    {
      held = ir_review_format_time (agenda->since_held);
      /* Translators: the report's range: the date of this review, the
       * title of the review before and when that one was held. */
      range = g_strdup_printf (_("%s · changes since “%s” (%s)"), today,
                               agenda->since_title ? agenda->since_title : "", held);
    }
  else if (agenda->since_seq > 0)
    {
      g_autofree char *seq = g_strdup_printf ("%" G_GINT64_FORMAT, agenda->since_seq);

      /* Translators: the date of this review and a sequence number of the
       * room's history. */
      range = g_strdup_printf (_("%s · changes after sequence %s"), today, seq);
    }
  else
    /* Translators: %s is the date of the review. */
    range = g_strdup_printf (_("%s · everything since the room began"), today);
  ir_report_pen_paragraph (pen, range, IR_REPORT_BODY);
  pen->y += 10;

  ir_report_pen_heading (pen, heading, TRUE);
  for (guint i = 1; i < agenda->steps->len; i++)
    {
      const IrReviewStep *step = &g_array_index (agenda->steps, IrReviewStep, i);
      g_autofree char *step_title = ir_review_step_dup_title (agenda, step);
      g_autofree char *line = g_strdup_printf ("%u.  %s", i, step_title);

      ir_report_pen_paragraph (pen, line, IR_REPORT_FONT " 12");
    }
}

/* --- writing -------------------------------------------------------------- */

static void
write_step (IrReportPen        *pen,
            IrReviewAgenda     *agenda,
            const IrReviewStep *step)
{
  g_autofree char *heading = ir_review_step_dup_title (agenda, step);

  if (step->kind == IR_REVIEW_STEP_OVERVIEW)
    {
      write_overview (pen, agenda, heading);
      return;
    }

  /* Each section starts a page, so that a page can be handed round. */
  if (pen->y > IR_REPORT_TOP)
    ir_report_pen_new_page (pen);
  ir_report_pen_heading (pen, heading, TRUE);
  switch (step->kind)
    {
    case IR_REVIEW_STEP_MAP:
      ir_report_write_map (pen, agenda);
      break;
    case IR_REVIEW_STEP_DRAWING:
      ir_report_write_drawing (pen, agenda, step->revision);
      break;
    case IR_REVIEW_STEP_PLAN:
      ir_report_write_plan (pen, agenda);
      break;
    case IR_REVIEW_STEP_ESCALATIONS:
      ir_report_write_escalations (pen, agenda);
      break;
    case IR_REVIEW_STEP_DECISIONS:
      ir_report_write_decisions (pen, agenda);
      break;
    case IR_REVIEW_STEP_OVERVIEW:
    default:
      g_assert_not_reached ();
    }
}

/**
 * ir_review_report_write_pdf:
 * @agenda: the agenda, with its drawings compared for their pictures
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Writes the review's report: one section per step of @agenda.
 *
 * Returns: whether the file was written
 */
gboolean
ir_review_report_write_pdf (IrReviewAgenda  *agenda,
                            const char      *path,
                            GError         **error)
{
  IrReportPen pen = { 0 };
  g_autofree char *title = NULL;
  cairo_status_t status;

  g_return_val_if_fail (agenda != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pen.surface = cairo_pdf_surface_create (path, IR_REPORT_PAGE_WIDTH, IR_REPORT_PAGE_HEIGHT);
  status = cairo_surface_status (pen.surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_FAILED,
                   _("Failed to write the report to “%s”: %s. Choose a folder you can "
                     "write to."), path, cairo_status_to_string (status));
      cairo_surface_destroy (pen.surface);
      return FALSE;
    }

  title = g_strdup_printf (_("Project review: %s"), agenda->room_name ? agenda->room_name : "");
  cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pen.surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Iron Room " PACKAGE_VERSION);

  pen.cr = cairo_create (pen.surface);
  pen.page = 1;
  pen.y = IR_REPORT_TOP;
  pen.footer = g_markup_escape_text (title, -1);

  for (guint i = 0; i < agenda->steps->len; i++)
    write_step (&pen, agenda, &g_array_index (agenda->steps, IrReviewStep, i));

  draw_footer (&pen);
  cairo_destroy (pen.cr);
  cairo_surface_finish (pen.surface);
  status = cairo_surface_status (pen.surface);
  cairo_surface_destroy (pen.surface);
  g_free (pen.footer);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_FAILED,
                   _("Failed to write the report to “%s”: %s. Check that the disk has "
                     "space and try again."), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
