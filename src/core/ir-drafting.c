/* ir-drafting.c: a small technical-drawing kit on cairo
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ir-drafting.h"

/* Capital letters of Noto Sans CJK are about 0.73 em tall; drawing standards
 * give text heights as the height of capitals. */
#define CAP_HEIGHT_PER_EM 0.733

#define ARROW_LENGTH 3.0
#define ARROW_HALF_WIDTH 0.55
#define EXTENSION_GAP 1.0
#define EXTENSION_OVERSHOOT 2.0
#define TEXT_GAP 1.0
#define DIMENSION_TEXT_HEIGHT 3.5

/* ------------------------------------------------------------------------ */
/* Pens and primitives                                                      */
/* ------------------------------------------------------------------------ */

/**
 * ir_draft_init:
 * @draft: the kit to set up
 * @cr: a context whose user space is PDF points
 *
 * Scales @cr to millimetres and selects the drawing font. Keep @cr alive as
 * long as @draft is used.
 */
void
ir_draft_init (IrDraft *draft,
               cairo_t *cr)
{
  draft->cr = cr;

  cairo_scale (cr, IR_DRAFT_MM_TO_PT, IR_DRAFT_MM_TO_PT);
  cairo_select_font_face (cr, IR_DRAFT_FONT, CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
}

void
ir_draft_set_pen (IrDraft    *draft,
                  IrDraftPen  pen)
{
  static const double center_dashes[] = { 10.0, 1.5, 0.6, 1.5 };
  static const double hidden_dashes[] = { 3.0, 1.2 };
  cairo_t *cr = draft->cr;

  cairo_set_dash (cr, NULL, 0, 0);

  switch (pen)
    {
    case IR_DRAFT_PEN_THICK:
      cairo_set_line_width (cr, 0.5);
      break;

    case IR_DRAFT_PEN_THIN:
      cairo_set_line_width (cr, 0.25);
      break;

    case IR_DRAFT_PEN_CENTER:
      cairo_set_line_width (cr, 0.25);
      cairo_set_dash (cr, center_dashes, G_N_ELEMENTS (center_dashes), 0);
      break;

    case IR_DRAFT_PEN_HIDDEN:
      cairo_set_line_width (cr, 0.35);
      cairo_set_dash (cr, hidden_dashes, G_N_ELEMENTS (hidden_dashes), 0);
      break;

    case IR_DRAFT_PEN_FRAME:
      cairo_set_line_width (cr, 0.7);
      break;

    default:
      g_assert_not_reached ();
    }
}

void
ir_draft_line (IrDraft *draft,
               double   x1,
               double   y1,
               double   x2,
               double   y2)
{
  cairo_move_to (draft->cr, x1, y1);
  cairo_line_to (draft->cr, x2, y2);
  cairo_stroke (draft->cr);
}

void
ir_draft_rect (IrDraft *draft,
               double   x,
               double   y,
               double   width,
               double   height)
{
  cairo_rectangle (draft->cr, x, y, width, height);
  cairo_stroke (draft->cr);
}

void
ir_draft_circle (IrDraft *draft,
                 double   cx,
                 double   cy,
                 double   radius)
{
  cairo_new_sub_path (draft->cr);
  cairo_arc (draft->cr, cx, cy, radius, 0, 2 * G_PI);
  cairo_stroke (draft->cr);
}

/* Draws the two centre lines that cross at a hole's or a view's centre,
 * each reaching @half_length from it. Leaves the centre-line pen set. */
void
ir_draft_center_mark (IrDraft *draft,
                      double   cx,
                      double   cy,
                      double   half_length)
{
  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_draft_line (draft, cx - half_length, cy, cx + half_length, cy);
  ir_draft_line (draft, cx, cy - half_length, cx, cy + half_length);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                     */
/* ------------------------------------------------------------------------ */

double
ir_draft_text_width (IrDraft    *draft,
                     double      height,
                     const char *text)
{
  cairo_text_extents_t extents;

  cairo_set_font_size (draft->cr, height / CAP_HEIGHT_PER_EM);
  cairo_text_extents (draft->cr, text, &extents);

  return extents.x_advance;
}

/* Sets @text with its baseline through (@x, @y), rotated by @angle radians
 * clockwise around that point, with capitals @height millimetres tall. */
void
ir_draft_text_rotated (IrDraft      *draft,
                       double        x,
                       double        y,
                       double        height,
                       double        angle,
                       IrDraftAlign  align,
                       const char   *text)
{
  cairo_t *cr = draft->cr;
  double width = ir_draft_text_width (draft, height, text);
  double start = 0;

  if (align == IR_DRAFT_ALIGN_CENTER)
    start = -width / 2;
  else if (align == IR_DRAFT_ALIGN_RIGHT)
    start = -width;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  cairo_move_to (cr, start, 0);
  cairo_show_text (cr, text);
  cairo_new_path (cr);
  cairo_restore (cr);
}

void
ir_draft_text (IrDraft      *draft,
               double        x,
               double        y,
               double        height,
               IrDraftAlign  align,
               const char   *text)
{
  ir_draft_text_rotated (draft, x, y, height, 0, align, text);
}

/* ------------------------------------------------------------------------ */
/* Dimensions                                                               */
/* ------------------------------------------------------------------------ */

/* Draws a filled arrowhead with its point at the tip and its shaft coming
 * from (@from_x, @from_y). */
void
ir_draft_arrow (IrDraft *draft,
                double   tip_x,
                double   tip_y,
                double   from_x,
                double   from_y)
{
  cairo_t *cr = draft->cr;
  double dx = from_x - tip_x;
  double dy = from_y - tip_y;
  double length = hypot (dx, dy);
  double ux, uy;

  if (length <= 0)
    return;

  ux = dx / length;
  uy = dy / length;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, tip_x + ux * ARROW_LENGTH - uy * ARROW_HALF_WIDTH,
                 tip_y + uy * ARROW_LENGTH + ux * ARROW_HALF_WIDTH);
  cairo_line_to (cr, tip_x + ux * ARROW_LENGTH + uy * ARROW_HALF_WIDTH,
                 tip_y + uy * ARROW_LENGTH - ux * ARROW_HALF_WIDTH);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Sets a dimension value centred on (@x, @y) along @angle, with an optional
 * tolerance after it. A tolerance "upper/lower" is set as two stacked
 * deviations, anything else as one smaller string ("±2"). */
static void
draw_dimension_text (IrDraft    *draft,
                     double      x,
                     double      y,
                     double      angle,
                     const char *value,
                     const char *tolerance)
{
  cairo_t *cr = draft->cr;
  double small = DIMENSION_TEXT_HEIGHT * 0.7;
  double value_width = ir_draft_text_width (draft, DIMENSION_TEXT_HEIGHT, value);
  g_auto(GStrv) deviations = NULL;
  double tolerance_width = 0;
  double start;

  if (tolerance != NULL)
    {
      deviations = g_strsplit (tolerance, "/", 2);
      for (guint i = 0; deviations[i] != NULL; i++)
        tolerance_width = MAX (tolerance_width,
                               ir_draft_text_width (draft, small, deviations[i]));
      tolerance_width += TEXT_GAP;
    }

  start = -(value_width + tolerance_width) / 2;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rotate (cr, angle);
  ir_draft_text (draft, start, 0, DIMENSION_TEXT_HEIGHT, IR_DRAFT_ALIGN_LEFT, value);

  if (deviations != NULL && deviations[1] != NULL)
    {
      double left = start + value_width + TEXT_GAP;

      ir_draft_text (draft, left, -DIMENSION_TEXT_HEIGHT * 0.55, small,
                     IR_DRAFT_ALIGN_LEFT, deviations[0]);
      ir_draft_text (draft, left, 0.6, small, IR_DRAFT_ALIGN_LEFT, deviations[1]);
    }
  else if (deviations != NULL)
    {
      ir_draft_text (draft, start + value_width + TEXT_GAP, 0, small,
                     IR_DRAFT_ALIGN_LEFT, deviations[0]);
    }

  cairo_restore (cr);
}

/* Keeps text readable from the bottom or the right of the sheet, as ISO 129
 * requires, with an angle in (-90°, 90°]. */
static double
readable_angle (double angle)
{
  while (angle > G_PI / 2 + 1e-9)
    angle -= G_PI;
  while (angle <= -G_PI / 2 + 1e-9)
    angle += G_PI;

  return angle;
}

/**
 * ir_draft_dimension:
 * @draft: the kit
 * @x1: first measured point, x
 * @y1: first measured point, y
 * @x2: second measured point, x
 * @y2: second measured point, y
 * @offset: distance of the dimension line from the measured points. A
 *   positive offset lies left of the direction from the first point to the
 *   second, so above a left-to-right measure.
 * @value: the value text, such as "403" or "Ø150"
 * @tolerance: (nullable): "±2", or stacked deviations "+0.5/0"
 *
 * Draws a linear dimension: extension lines, a dimension line with arrows
 * and the value above the dimension line.
 */
void
ir_draft_dimension (IrDraft    *draft,
                    double      x1,
                    double      y1,
                    double      x2,
                    double      y2,
                    double      offset,
                    const char *value,
                    const char *tolerance)
{
  double dx = x2 - x1;
  double dy = y2 - y1;
  double length = hypot (dx, dy);
  double nx, ny, side, angle;
  double ax, ay, bx, by;

  if (length <= 0)
    return;

  nx = dy / length;
  ny = -dx / length;
  side = offset >= 0 ? 1 : -1;

  ax = x1 + nx * offset;
  ay = y1 + ny * offset;
  bx = x2 + nx * offset;
  by = y2 + ny * offset;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  if (fabs (offset) > EXTENSION_GAP)
    {
      double reach = offset + side * EXTENSION_OVERSHOOT;

      ir_draft_line (draft, x1 + nx * side * EXTENSION_GAP,
                     y1 + ny * side * EXTENSION_GAP,
                     x1 + nx * reach, y1 + ny * reach);
      ir_draft_line (draft, x2 + nx * side * EXTENSION_GAP,
                     y2 + ny * side * EXTENSION_GAP,
                     x2 + nx * reach, y2 + ny * reach);
    }

  ir_draft_line (draft, ax, ay, bx, by);
  ir_draft_arrow (draft, ax, ay, bx, by);
  ir_draft_arrow (draft, bx, by, ax, ay);

  angle = readable_angle (atan2 (dy, dx));
  draw_dimension_text (draft,
                       (ax + bx) / 2 + sin (angle) * TEXT_GAP,
                       (ay + by) / 2 - cos (angle) * TEXT_GAP,
                       angle, value, tolerance);
}

/* Draws a diameter dimension across a circle at @angle (radians, clockwise
 * from the x axis), with the value on a shoulder outside the circle. */
void
ir_draft_diameter (IrDraft    *draft,
                   double      cx,
                   double      cy,
                   double      radius,
                   double      angle,
                   const char *value)
{
  double ux = cos (angle);
  double uy = sin (angle);
  double near_x = cx + ux * radius;
  double near_y = cy + uy * radius;
  double far_x = cx - ux * radius;
  double far_y = cy - uy * radius;
  double knee_x = near_x + ux * 8;
  double knee_y = near_y + uy * 8;
  double width = ir_draft_text_width (draft, DIMENSION_TEXT_HEIGHT, value) + 2;
  double shoulder = ux >= 0 ? width : -width;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  cairo_move_to (draft->cr, far_x, far_y);
  cairo_line_to (draft->cr, knee_x, knee_y);
  cairo_line_to (draft->cr, knee_x + shoulder, knee_y);
  cairo_stroke (draft->cr);
  ir_draft_arrow (draft, near_x, near_y, cx, cy);
  ir_draft_arrow (draft, far_x, far_y, cx, cy);

  ir_draft_text (draft, knee_x + shoulder / 2, knee_y - TEXT_GAP,
                 DIMENSION_TEXT_HEIGHT, IR_DRAFT_ALIGN_CENTER, value);
}

/* Draws a leader from an arrow at the tip to a knee, then a shoulder with
 * @text above it, toward the side the leader points to. */
void
ir_draft_leader (IrDraft    *draft,
                 double      tip_x,
                 double      tip_y,
                 double      knee_x,
                 double      knee_y,
                 const char *text)
{
  double width = ir_draft_text_width (draft, DIMENSION_TEXT_HEIGHT, text) + 2;
  double shoulder = knee_x >= tip_x ? width : -width;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  cairo_move_to (draft->cr, tip_x, tip_y);
  cairo_line_to (draft->cr, knee_x, knee_y);
  cairo_line_to (draft->cr, knee_x + shoulder, knee_y);
  cairo_stroke (draft->cr);
  ir_draft_arrow (draft, tip_x, tip_y, knee_x, knee_y);

  ir_draft_text (draft, knee_x + shoulder / 2, knee_y - TEXT_GAP,
                 DIMENSION_TEXT_HEIGHT, IR_DRAFT_ALIGN_CENTER, text);
}

/* ------------------------------------------------------------------------ */
/* Symbols                                                                  */
/* ------------------------------------------------------------------------ */

/**
 * ir_draft_hatch_path:
 * @draft: the kit
 * @spacing: distance between hatching lines, in millimetres
 * @angle: angle of the lines, radians clockwise from the x axis
 *
 * Hatches the area of the current path, which may hold holes as further
 * sub-paths (even-odd rule), and keeps the path for the caller to stroke.
 */
void
ir_draft_hatch_path (IrDraft *draft,
                     double   spacing,
                     double   angle)
{
  cairo_t *cr = draft->cr;
  cairo_path_t *path = cairo_copy_path (cr);
  double x1, y1, x2, y2, cx, cy, reach;
  double ux = cos (angle);
  double uy = sin (angle);

  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  cx = (x1 + x2) / 2;
  cy = (y1 + y2) / 2;
  reach = hypot (x2 - x1, y2 - y1) / 2 + spacing;

  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  for (double t = -reach; t <= reach; t += spacing)
    {
      double px = cx - uy * t;
      double py = cy + ux * t;

      cairo_move_to (cr, px - ux * reach, py - uy * reach);
      cairo_line_to (cr, px + ux * reach, py + uy * reach);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_new_path (cr);
  cairo_append_path (cr, path);
  cairo_path_destroy (path);
}

/* Draws the ISO 1302 symbol "material removal required" with its point on
 * the surface at (@x, @y) and the roughness @value ("Ra 3.2") on it. */
void
ir_draft_surface_texture (IrDraft    *draft,
                          double      x,
                          double      y,
                          const char *value)
{
  cairo_t *cr = draft->cr;
  double h = 5.0;
  double short_dx = h / tan (G_PI / 3);
  double width = ir_draft_text_width (draft, 2.5, value) + 1.5;

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  cairo_move_to (cr, x - short_dx, y - h);
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + 2 * short_dx, y - 2 * h);
  cairo_line_to (cr, x + 2 * short_dx + width, y - 2 * h);
  cairo_move_to (cr, x - short_dx, y - h);
  cairo_line_to (cr, x + short_dx, y - h);
  cairo_stroke (cr);

  ir_draft_text (draft, x + 2 * short_dx + 0.8, y - 2 * h + 3.3, 2.5,
                 IR_DRAFT_ALIGN_LEFT, value);
}

/* Draws one end of a horizontal cutting plane at (@x, @y): a thick stroke,
 * an arrow that shows the viewing direction and the section letter. */
void
ir_draft_section_label (IrDraft    *draft,
                        double      x,
                        double      y,
                        const char *letter,
                        gboolean    arrow_up)
{
  double direction = arrow_up ? -1 : 1;

  cairo_set_line_width (draft->cr, 0.7);
  cairo_set_dash (draft->cr, NULL, 0, 0);
  ir_draft_line (draft, x - 4, y, x + 4, y);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  ir_draft_line (draft, x, y, x, y + direction * 8);
  ir_draft_arrow (draft, x, y + direction * 8, x, y);
  ir_draft_text (draft, x + 2, y + direction * 5 + 2.5, 5,
                 IR_DRAFT_ALIGN_LEFT, letter);
}
