/* ir-demo-drawings.c: the demo room's drawings, drawn by Iron Room itself
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ir-demo-drawings.h"
#include "ir-demo-drawings-private.h"

/* Revision A was issued this many days before the demo is generated, and
 * revision B this many. The drawing was drawn and checked a few days before
 * revision A. */
#define DAYS_BEFORE_A 45
#define DAYS_BEFORE_B 12

static const IrDemoDrawingInfo infos[IR_DEMO_N_DRAWINGS] = {
  [IR_DEMO_DRAWING_BODY] = {
    .number = "FV-150-001",
    .title = "闸阀阀体 DN150 PN40",
    .title_en = "Gate valve body DN150 PN40",
    .revisions = "AB",
    .change_b = "端面距 410，通径 Ø152，加排放孔，16 螺柱",
    .change_b_en = "L 410, bore Ø152, drain added, 16 studs",
  },
  [IR_DEMO_DRAWING_BONNET] = {
    .number = "FV-150-002",
    .title = "闸阀阀盖 DN150 PN40",
    .title_en = "Gate valve bonnet DN150 PN40",
    .revisions = "AB",
    .change_b = "总高 295，法兰螺栓孔 16 个",
    .change_b_en = "Height 295, 16 flange bolt holes",
  },
};

static const char * const chinese_names[IR_DRAFT_N_ROLES] = {
  "张伟", "李明", "王强", "赵敏",
};

static const char * const english_names[IR_DRAFT_N_ROLES] = {
  "Zhang Wei", "Li Ming", "Wang Qiang", "Zhao Min",
};

/* ------------------------------------------------------------------------ */
/* Drawing in part coordinates                                              */
/* ------------------------------------------------------------------------ */

void
ir_demo_move_to (IrDraft          *draft,
                 const IrDemoView *view,
                 double            x,
                 double            y)
{
  cairo_move_to (draft->cr, ir_demo_view_x (view, x), ir_demo_view_y (view, y));
}

void
ir_demo_line_to (IrDraft          *draft,
                 const IrDemoView *view,
                 double            x,
                 double            y)
{
  cairo_line_to (draft->cr, ir_demo_view_x (view, x), ir_demo_view_y (view, y));
}

/* Continues the path along a quarter circle in part coordinates. */
void
ir_demo_arc_to (IrDraft          *draft,
                const IrDemoView *view,
                double            cx,
                double            cy,
                double            radius,
                double            from,
                double            to)
{
  for (int i = 1; i <= 12; i++)
    {
      double angle = from + (to - from) * i / 12;

      ir_demo_line_to (draft, view, cx + radius * cos (angle), cy + radius * sin (angle));
    }
}

void
ir_demo_circle (IrDraft          *draft,
                const IrDemoView *view,
                double            cx,
                double            cy,
                double            radius)
{
  ir_draft_circle (draft, ir_demo_view_x (view, cx), ir_demo_view_y (view, cy),
                   radius * view->scale);
}

/* A vertical dimension between two points that need not lie one above the
 * other: extension lines run across to the dimension line at @line_x, on
 * whichever side of the points it lies. */
void
ir_demo_vertical_dimension (IrDraft          *draft,
                            const IrDemoView *view,
                            double            x1,
                            double            y1,
                            double            x2,
                            double            y2,
                            double            line_x,
                            const char       *value,
                            const char       *tolerance)
{
  gboolean left = line_x < MIN (x1, x2);
  double start = left ? MIN (x1, x2) - 4 : MAX (x1, x2) + 4;
  double gap = left ? -2 : 2;
  double downward = y1 > y2 ? 1 : -1;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  ir_draft_line (draft, ir_demo_view_x (view, x1 + gap), ir_demo_view_y (view, y1),
                 ir_demo_view_x (view, start), ir_demo_view_y (view, y1));
  ir_draft_line (draft, ir_demo_view_x (view, x2 + gap), ir_demo_view_y (view, y2),
                 ir_demo_view_x (view, start), ir_demo_view_y (view, y2));
  ir_draft_dimension (draft,
                      ir_demo_view_x (view, start), ir_demo_view_y (view, y1),
                      ir_demo_view_x (view, start), ir_demo_view_y (view, y2),
                      (line_x - start) * view->scale * downward, value, tolerance);
}

/* ------------------------------------------------------------------------ */
/* Sheet                                                                    */
/* ------------------------------------------------------------------------ */

/* Draws the frame, title block and revision table of a demo sheet, with one
 * revision row per revision up to the sheet's own. */
void
ir_demo_draw_frame (IrDraft           *draft,
                    const IrDemoSheet *sheet,
                    IrDemoDrawing      which,
                    double             width,
                    double             height,
                    const char        *material,
                    const char        *weight)
{
  const IrDemoDrawingInfo *info = &infos[which];
  const char * const *names = sheet->english ? english_names : chinese_names;
  const char *initials_a = sheet->english ? "ZW" : "张伟";
  const char *approver = sheet->english ? "WQ" : "王强";
  IrDraftRevision revisions[2] = {
    { "A", IR_DEMO_TEXT (sheet, "首次发布", "First issue"), sheet->dates[1],
      initials_a, approver },
    { "B", IR_DEMO_TEXT (sheet, info->change_b, info->change_b_en), sheet->dates[2],
      initials_a, approver },
  };
  g_autofree char *revision = g_strdup_printf ("%c", sheet->revision);
  IrDraftSheet frame = {
    .width = width,
    .height = height,
    .english = sheet->english,
    .company = IR_DEMO_TEXT (sheet, "华东流体装备有限公司", "East China Fluid Equipment Co."),
    .title = IR_DEMO_TEXT (sheet, info->title, info->title_en),
    .subtitle = sheet->english ? NULL : info->title_en,
    .number = info->number,
    .material = material,
    .scale = "1:2",
    .weight = weight,
    .revision = revision,
    .sheet = 1,
    .n_sheets = 1,
    .revisions = revisions,
    .n_revisions = sheet->revision == 'A' ? 1 : 2,
  };

  for (int role = 0; role < IR_DRAFT_N_ROLES; role++)
    {
      frame.names[role] = names[role];
      frame.dates[role] = role == IR_DRAFT_ROLE_DRAWN ? sheet->dates[0] : sheet->dates[3];
    }

  ir_draft_sheet_draw (draft, &frame);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */
/* ------------------------------------------------------------------------ */

static void
format_date (const GDate *today,
             int          days_before,
             char         out[11])
{
  GDate date = *today;

  g_date_subtract_days (&date, days_before);
  g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

const IrDemoDrawingInfo *
ir_demo_drawing_get_info (IrDemoDrawing which)
{
  g_return_val_if_fail (which < IR_DEMO_N_DRAWINGS, NULL);

  return &infos[which];
}

/**
 * ir_demo_drawing_to_bytes:
 * @which: the drawing
 * @revision: 'A' or 'B'
 * @english: %TRUE for English texts, %FALSE for Chinese
 * @today: (nullable): the day the demo is generated, for the dates on the
 *   sheet; %NULL for today
 * @error: return location for an error
 *
 * Draws one revision of a demo drawing as a one-page PDF.
 *
 * Returns: (transfer full) (nullable): the PDF
 */
GBytes *
ir_demo_drawing_to_bytes (IrDemoDrawing  which,
                          char           revision,
                          gboolean       english,
                          const GDate   *today,
                          GError       **error)
{
  IrDemoSheet sheet = { .revision = revision, .english = english };
  GByteArray *pdf = g_byte_array_new ();
  gboolean body = which == IR_DEMO_DRAWING_BODY;
  double width = body ? IR_DRAFT_A1_WIDTH : IR_DRAFT_A2_WIDTH;
  double height = body ? IR_DRAFT_A1_HEIGHT : IR_DRAFT_A2_HEIGHT;
  cairo_surface_t *surface;
  cairo_status_t status;
  IrDraft draft;
  GDate now;
  cairo_t *cr;

  g_return_val_if_fail (which < IR_DEMO_N_DRAWINGS, NULL);
  g_return_val_if_fail (revision == 'A' || revision == 'B', NULL);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }
  format_date (today, DAYS_BEFORE_A + 4, sheet.dates[0]);
  format_date (today, DAYS_BEFORE_A, sheet.dates[1]);
  format_date (today, DAYS_BEFORE_B, sheet.dates[2]);
  format_date (today, DAYS_BEFORE_A + 2, sheet.dates[3]);

  surface = cairo_pdf_surface_create_for_stream (write_cb, pdf,
                                                 width * IR_DRAFT_MM_TO_PT,
                                                 height * IR_DRAFT_MM_TO_PT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  english ? infos[which].title_en : infos[which].title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Iron Room");

  cr = cairo_create (surface);
  ir_draft_init (&draft, cr);
  if (body)
    ir_demo_draw_body (&draft, &sheet);
  else
    ir_demo_draw_bonnet (&draft, &sheet);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the demo drawing %s: %s"),
                   infos[which].number, cairo_status_to_string (status));
      g_byte_array_unref (pdf);
      return NULL;
    }

  return g_byte_array_free_to_bytes (pdf);
}

/* Writes one revision of a demo drawing to @path; see
 * ir_demo_drawing_to_bytes(). */
gboolean
ir_demo_drawing_write (IrDemoDrawing  which,
                       char           revision,
                       gboolean       english,
                       const GDate   *today,
                       const char    *path,
                       GError       **error)
{
  g_autoptr(GBytes) pdf = ir_demo_drawing_to_bytes (which, revision, english, today, error);

  if (pdf == NULL)
    return FALSE;

  return g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                              g_bytes_get_size (pdf), error);
}
