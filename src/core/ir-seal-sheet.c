/* ir-seal-sheet.c: the printable sign-off sheet of a key milestone
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One A4 page that states the milestone, its deliverable and committed
 * date, with lines for the customer's name, company, title, date and
 * signature. Signed on paper and scanned, it becomes the evidence of a
 * confirmation.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <stdio.h>

#include "ir-seal.h"

/* A4 in PostScript points. */
#define PAGE_WIDTH  595.28
#define PAGE_HEIGHT 841.89
#define MARGIN      56.0
#define LABEL_WIDTH 150.0

typedef struct
{
  cairo_t *cr;
  double   y;
} SheetPen;

/* --- drawing -------------------------------------------------------------- */

static double
draw_text (SheetPen   *pen,
           double      x,
           double      width,
           const char *text,
           const char *font,
           double      gray)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pen->cr);
  PangoFontDescription *description = pango_font_description_from_string (font);
  int text_width, text_height;

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);

  cairo_set_source_rgb (pen->cr, gray, gray, gray);
  cairo_move_to (pen->cr, x, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pango_layout_get_size (layout, &text_width, &text_height);

  return (double) text_height / PANGO_SCALE;
}

static void
draw_rule (SheetPen *pen,
           double    x,
           double    width,
           double    gray,
           double    line_width)
{
  cairo_set_source_rgb (pen->cr, gray, gray, gray);
  cairo_set_line_width (pen->cr, line_width);
  cairo_move_to (pen->cr, x, pen->y);
  cairo_line_to (pen->cr, x + width, pen->y);
  cairo_stroke (pen->cr);
}

/* One "label: value" row of the facts about the milestone. */
static void
draw_fact (SheetPen   *pen,
           const char *label,
           const char *value)
{
  double value_x = MARGIN + LABEL_WIDTH;
  double height;

  draw_text (pen, MARGIN, LABEL_WIDTH - 8, label, "Sans 10", 0.4);
  height = draw_text (pen, value_x, PAGE_WIDTH - MARGIN - value_x,
                      value && value[0] ? value : "—", "Sans Bold 11", 0.1);
  pen->y += MAX (height, 14) + 10;
}

/* One line to write on, with its label beneath. */
static void
draw_blank (SheetPen   *pen,
            double      x,
            double      width,
            const char *label)
{
  SheetPen below = { pen->cr, pen->y + 4 };

  draw_rule (pen, x, width, 0.2, 0.8);
  draw_text (&below, x, width, label, "Sans 9", 0.4);
}

static char *
format_day (const char *iso)
{
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (iso);

  /* Translators: a full date on the printed sign-off sheet, as a
   * g_date_time_format() format. */
  return g_date_time_format (time, _("%A, %-d %B %Y"));
}

static void
draw_sheet (cairo_t           *cr,
            const IrSealSheet *sheet)
{
  SheetPen pen = { cr, MARGIN };
  double content_width = PAGE_WIDTH - 2 * MARGIN;
  double half = (content_width - 24) / 2;
  g_autofree char *committed = format_day (sheet->committed);
  g_autofree char *forecast = format_day (sheet->forecast);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *project = NULL;
  g_autofree char *footer = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  if (sheet->customer != NULL && sheet->customer[0] != '\0')
    /* Translators: the project and the customer's company. */
    project = g_strdup_printf (_("%s — for %s"), sheet->room_name ? sheet->room_name : "",
                               sheet->customer);
  else
    project = g_strdup (sheet->room_name ? sheet->room_name : "");

  pen.y += draw_text (&pen, MARGIN, content_width, _("Milestone Sign-off Sheet"),
                      "Sans Bold 20", 0.1) + 4;
  pen.y += draw_text (&pen, MARGIN, content_width, project, "Sans 11", 0.35) + 14;
  draw_rule (&pen, MARGIN, content_width, 0.1, 1.5);
  pen.y += 18;

  draw_fact (&pen, _("Milestone"), sheet->milestone_title);
  draw_fact (&pen, _("Deliverable"), sheet->deliverable);
  draw_fact (&pen, _("Committed date"), committed);
  draw_fact (&pen, _("Current forecast"), forecast);
  draw_fact (&pen, _("Prepared by"), sheet->prepared_by);
  draw_fact (&pen, _("Printed"), printed);

  pen.y += 12;
  pen.y += draw_text (&pen, MARGIN, content_width,
                      _("By signing below, the customer confirms that the milestone above will "
                        "be reached, with the deliverable described, on the committed date. "
                        "A change to the date or the deliverable needs a new sign-off."),
                      "Sans 10.5", 0.15) + 40;

  pen.y += 34;
  draw_blank (&pen, MARGIN, half, _("Name of the customer’s signer"));
  draw_blank (&pen, MARGIN + half + 24, half, _("Company"));
  pen.y += 62;
  draw_blank (&pen, MARGIN, half, _("Title"));
  draw_blank (&pen, MARGIN + half + 24, half, _("Date signed"));
  pen.y += 40;

  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, MARGIN, pen.y, content_width, 150);
  cairo_stroke (cr);
  pen.y += 6;
  draw_text (&pen, MARGIN + 8, content_width - 16, _("Signature and company seal"),
             "Sans 9", 0.4);

  /* Translators: %s is the reference printed at the foot of the sheet. */
  footer = g_strdup_printf (_("Scan the signed sheet and attach it to the milestone’s customer "
                              "confirmation in Iron Room. Reference: %s"),
                            sheet->reference ? sheet->reference : "");
  pen.y = PAGE_HEIGHT - MARGIN - 24;
  draw_rule (&pen, MARGIN, content_width, 0.6, 0.5);
  pen.y += 6;
  draw_text (&pen, MARGIN, content_width, footer, "Sans 8", 0.4);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_seal_write_sheet:
 *
 * Writes the sign-off sheet of one milestone to @path as a one-page A4
 * PDF.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
ir_seal_write_sheet (const IrSealSheet  *sheet,
                     const char         *path,
                     GError            **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cr = cairo_create (surface);
  draw_sheet (cr, sheet);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_FAILED,
                   _("Could not write the sign-off sheet to “%s”: %s. Choose another "
                     "folder."), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}
