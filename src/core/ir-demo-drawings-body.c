/* ir-demo-drawings-body.c: demo drawing FV-150-001, the gate valve body
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ir-demo-drawings-private.h"

/* Dimensions in millimetres. Revision B lengthens the body, opens the bore,
 * adds a drain boss and bolts the bonnet with more studs. */
typedef struct
{
  double   length;       /* face to face */
  double   bore;
  gboolean drain;
  int      top_studs;
} BodySize;

#define FLANGE_RADIUS 150.0
#define FACE_RADIUS 106.0
#define FLANGE_THICKNESS 30.0
#define FACE_HEIGHT 2.0
#define BOLT_CIRCLE_RADIUS 125.0
#define BOLT_HOLE_RADIUS 13.0
#define NECK_RADIUS 95.0
#define SHELL_HALF 115.0
#define SHELL_BOTTOM -150.0
#define SHELL_CORNER 40.0
#define TOP_FLANGE_RADIUS 165.0
#define TOP_FLANGE_LOW 215.0
#define TOP_FLANGE_HIGH 245.0
#define TOP_OPENING_RADIUS 100.0
#define TOP_STUD_CIRCLE 145.0
#define CAVITY_HALF 50.0
#define CAVITY_BOTTOM -130.0
#define DRAIN_BOSS 22.0
#define DRAIN_BOTTOM -165.0
#define DRAIN_HOLE 10.7

/* ------------------------------------------------------------------------ */
/* Section A–A                                                              */
/* ------------------------------------------------------------------------ */

static void
outer_contour (IrDraft          *draft,
               const IrDemoView *view,
               const BodySize   *size)
{
  double half = size->length / 2;
  double bottom = SHELL_BOTTOM + SHELL_CORNER;

  ir_demo_move_to (draft, view, -half, -FACE_RADIUS);
  ir_demo_line_to (draft, view, -half, FACE_RADIUS);
  ir_demo_line_to (draft, view, -half + FACE_HEIGHT, FACE_RADIUS);
  ir_demo_line_to (draft, view, -half + FACE_HEIGHT, FLANGE_RADIUS);
  ir_demo_line_to (draft, view, -half + FLANGE_THICKNESS, FLANGE_RADIUS);
  ir_demo_line_to (draft, view, -half + FLANGE_THICKNESS, NECK_RADIUS);
  ir_demo_line_to (draft, view, -SHELL_HALF, NECK_RADIUS);
  ir_demo_line_to (draft, view, -SHELL_HALF, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, -TOP_FLANGE_RADIUS, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, -TOP_FLANGE_RADIUS, TOP_FLANGE_HIGH);
  ir_demo_line_to (draft, view, TOP_FLANGE_RADIUS, TOP_FLANGE_HIGH);
  ir_demo_line_to (draft, view, TOP_FLANGE_RADIUS, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, SHELL_HALF, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, SHELL_HALF, NECK_RADIUS);
  ir_demo_line_to (draft, view, half - FLANGE_THICKNESS, NECK_RADIUS);
  ir_demo_line_to (draft, view, half - FLANGE_THICKNESS, FLANGE_RADIUS);
  ir_demo_line_to (draft, view, half - FACE_HEIGHT, FLANGE_RADIUS);
  ir_demo_line_to (draft, view, half - FACE_HEIGHT, FACE_RADIUS);
  ir_demo_line_to (draft, view, half, FACE_RADIUS);
  ir_demo_line_to (draft, view, half, -FACE_RADIUS);
  ir_demo_line_to (draft, view, half - FACE_HEIGHT, -FACE_RADIUS);
  ir_demo_line_to (draft, view, half - FACE_HEIGHT, -FLANGE_RADIUS);
  ir_demo_line_to (draft, view, half - FLANGE_THICKNESS, -FLANGE_RADIUS);
  ir_demo_line_to (draft, view, half - FLANGE_THICKNESS, -NECK_RADIUS);
  ir_demo_line_to (draft, view, SHELL_HALF, -NECK_RADIUS);
  ir_demo_line_to (draft, view, SHELL_HALF, bottom);
  ir_demo_arc_to (draft, view, SHELL_HALF - SHELL_CORNER, bottom, SHELL_CORNER, 0, -G_PI / 2);
  if (size->drain)
    {
      ir_demo_line_to (draft, view, DRAIN_BOSS, SHELL_BOTTOM);
      ir_demo_line_to (draft, view, DRAIN_BOSS, DRAIN_BOTTOM);
      ir_demo_line_to (draft, view, -DRAIN_BOSS, DRAIN_BOTTOM);
      ir_demo_line_to (draft, view, -DRAIN_BOSS, SHELL_BOTTOM);
    }
  ir_demo_line_to (draft, view, -SHELL_HALF + SHELL_CORNER, SHELL_BOTTOM);
  ir_demo_arc_to (draft, view, -SHELL_HALF + SHELL_CORNER, bottom, SHELL_CORNER, -G_PI / 2, -G_PI);
  ir_demo_line_to (draft, view, -SHELL_HALF, -NECK_RADIUS);
  ir_demo_line_to (draft, view, -half + FLANGE_THICKNESS, -NECK_RADIUS);
  ir_demo_line_to (draft, view, -half + FLANGE_THICKNESS, -FLANGE_RADIUS);
  ir_demo_line_to (draft, view, -half + FACE_HEIGHT, -FLANGE_RADIUS);
  ir_demo_line_to (draft, view, -half + FACE_HEIGHT, -FACE_RADIUS);
  cairo_close_path (draft->cr);
}

/* The bore, the gate cavity, the bonnet opening and, in revision B, the
 * drain hole: one hollow that the section leaves unhatched. */
static void
inner_contour (IrDraft          *draft,
               const IrDemoView *view,
               const BodySize   *size)
{
  double half = size->length / 2;
  double r = size->bore / 2;

  ir_demo_move_to (draft, view, -half, -r);
  ir_demo_line_to (draft, view, -half, r);
  ir_demo_line_to (draft, view, -CAVITY_HALF, r);
  ir_demo_line_to (draft, view, -CAVITY_HALF, 170);
  ir_demo_line_to (draft, view, -TOP_OPENING_RADIUS, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, -TOP_OPENING_RADIUS, TOP_FLANGE_HIGH);
  ir_demo_line_to (draft, view, TOP_OPENING_RADIUS, TOP_FLANGE_HIGH);
  ir_demo_line_to (draft, view, TOP_OPENING_RADIUS, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, CAVITY_HALF, 170);
  ir_demo_line_to (draft, view, CAVITY_HALF, r);
  ir_demo_line_to (draft, view, half, r);
  ir_demo_line_to (draft, view, half, -r);
  ir_demo_line_to (draft, view, CAVITY_HALF, -r);
  ir_demo_line_to (draft, view, CAVITY_HALF, CAVITY_BOTTOM);
  if (size->drain)
    {
      ir_demo_line_to (draft, view, DRAIN_HOLE, CAVITY_BOTTOM);
      ir_demo_line_to (draft, view, DRAIN_HOLE, DRAIN_BOTTOM);
      ir_demo_line_to (draft, view, -DRAIN_HOLE, DRAIN_BOTTOM);
      ir_demo_line_to (draft, view, -DRAIN_HOLE, CAVITY_BOTTOM);
    }
  ir_demo_line_to (draft, view, -CAVITY_HALF, CAVITY_BOTTOM);
  ir_demo_line_to (draft, view, -CAVITY_HALF, -r);
  cairo_close_path (draft->cr);
}

static void
draw_section (IrDraft           *draft,
              const IrDemoSheet *sheet,
              const IrDemoView  *view,
              const BodySize    *size)
{
  double half = size->length / 2;
  g_autofree char *length = g_strdup_printf ("%.0f", size->length);
  g_autofree char *bore = g_strdup_printf ("Ø%.0f", size->bore);

  cairo_new_path (draft->cr);
  outer_contour (draft, view, size);
  inner_contour (draft, view, size);
  ir_draft_hatch_path (draft, 3, -G_PI / 4);
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  cairo_stroke (draft->cr);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_draft_line (draft, ir_demo_view_x (view, -half - 10), view->y,
                 ir_demo_view_x (view, half + 10), view->y);
  ir_draft_line (draft, view->x, ir_demo_view_y (view, DRAIN_BOTTOM - 12),
                 view->x, ir_demo_view_y (view, TOP_FLANGE_HIGH + 8));

  ir_draft_text (draft, view->x, ir_demo_view_y (view, TOP_FLANGE_HIGH + 62), 7,
                 IR_DRAFT_ALIGN_CENTER, "A–A");

  /* Face to face, under everything else. */
  ir_draft_dimension (draft, ir_demo_view_x (view, -half), ir_demo_view_y (view, -FACE_RADIUS),
                      ir_demo_view_x (view, half), ir_demo_view_y (view, -FACE_RADIUS),
                      -(232 - FACE_RADIUS) * view->scale, length, "±2");
  ir_draft_dimension (draft, ir_demo_view_x (view, -half - 40), ir_demo_view_y (view, -size->bore / 2),
                      ir_demo_view_x (view, -half - 40), ir_demo_view_y (view, size->bore / 2),
                      0, bore, "+0.5/0");
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  ir_draft_line (draft, ir_demo_view_x (view, -half - 44), ir_demo_view_y (view, size->bore / 2),
                 ir_demo_view_x (view, -half + 60), ir_demo_view_y (view, size->bore / 2));
  ir_draft_line (draft, ir_demo_view_x (view, -half - 44), ir_demo_view_y (view, -size->bore / 2),
                 ir_demo_view_x (view, -half + 60), ir_demo_view_y (view, -size->bore / 2));
  ir_draft_dimension (draft, ir_demo_view_x (view, -half + FACE_HEIGHT), ir_demo_view_y (view, -FLANGE_RADIUS),
                      ir_demo_view_x (view, -half + FACE_HEIGHT), ir_demo_view_y (view, FLANGE_RADIUS),
                      (FLANGE_THICKNESS + 72) * view->scale, "Ø300", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, -half + FACE_HEIGHT), ir_demo_view_y (view, FLANGE_RADIUS),
                      ir_demo_view_x (view, -half + FLANGE_THICKNESS), ir_demo_view_y (view, FLANGE_RADIUS),
                      8, "28", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, half), ir_demo_view_y (view, FACE_RADIUS),
                      ir_demo_view_x (view, half), ir_demo_view_y (view, -FACE_RADIUS),
                      8, "Ø212", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, -TOP_OPENING_RADIUS), ir_demo_view_y (view, TOP_FLANGE_HIGH),
                      ir_demo_view_x (view, TOP_OPENING_RADIUS), ir_demo_view_y (view, TOP_FLANGE_HIGH),
                      10, "Ø200", "+0.3/0");
  ir_draft_dimension (draft, ir_demo_view_x (view, -TOP_FLANGE_RADIUS), ir_demo_view_y (view, TOP_FLANGE_HIGH),
                      ir_demo_view_x (view, TOP_FLANGE_RADIUS), ir_demo_view_y (view, TOP_FLANGE_HIGH),
                      22, "Ø330", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, -TOP_FLANGE_RADIUS), ir_demo_view_y (view, TOP_FLANGE_LOW),
                      ir_demo_view_x (view, -TOP_FLANGE_RADIUS), ir_demo_view_y (view, TOP_FLANGE_HIGH),
                      8, "30", NULL);
  ir_demo_vertical_dimension (draft, view, TOP_FLANGE_RADIUS, TOP_FLANGE_HIGH, half, 0,
                      half + 62, "245", NULL);
  ir_demo_vertical_dimension (draft, view, half, 0, SHELL_HALF - SHELL_CORNER, SHELL_BOTTOM,
                      half + 62, "150", NULL);

  ir_draft_surface_texture (draft, ir_demo_view_x (view, 130), ir_demo_view_y (view, TOP_FLANGE_HIGH),
                            "Ra 3.2");
  ir_draft_surface_texture (draft, ir_demo_view_x (view, half + 12), ir_demo_view_y (view, -FACE_RADIUS - 20),
                            "Ra 6.3");

  if (size->drain)
    ir_draft_leader (draft, ir_demo_view_x (view, -DRAIN_HOLE), ir_demo_view_y (view, DRAIN_BOTTOM + 4),
                     ir_demo_view_x (view, -70), ir_demo_view_y (view, DRAIN_BOTTOM - 30),
                     IR_DEMO_TEXT (sheet, "NPT 1/2 排放孔", "NPT 1/2 DRAIN"));
}

/* ------------------------------------------------------------------------ */
/* Side and top views                                                       */
/* ------------------------------------------------------------------------ */

static void
draw_holes (IrDraft          *draft,
            const IrDemoView *view,
            int               count,
            double            pitch_radius,
            double            radius)
{
  for (int i = 0; i < count; i++)
    {
      double angle = G_PI / count + 2 * G_PI * i / count;
      double x = pitch_radius * cos (angle);
      double y = pitch_radius * sin (angle);

      ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
      ir_demo_circle (draft, view, x, y, radius);
      ir_draft_center_mark (draft, ir_demo_view_x (view, x), ir_demo_view_y (view, y),
                            (radius + 4) * view->scale);
    }

  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_demo_circle (draft, view, 0, 0, pitch_radius);
}

/* The end view from the left: the flange face in front of the body. */
static void
draw_side_view (IrDraft           *draft,
                const IrDemoSheet *sheet,
                const IrDemoView  *view,
                const BodySize    *size)
{
  double bottom = SHELL_BOTTOM + SHELL_CORNER;
  const char *holes = IR_DEMO_TEXT (sheet, "8×Ø26 均布", "8×Ø26 EQS");

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  cairo_new_path (draft->cr);
  ir_demo_move_to (draft, view, -SHELL_HALF - 5, 0);
  ir_demo_line_to (draft, view, -SHELL_HALF - 5, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, -TOP_FLANGE_RADIUS, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, -TOP_FLANGE_RADIUS, TOP_FLANGE_HIGH);
  ir_demo_line_to (draft, view, TOP_FLANGE_RADIUS, TOP_FLANGE_HIGH);
  ir_demo_line_to (draft, view, TOP_FLANGE_RADIUS, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, SHELL_HALF + 5, TOP_FLANGE_LOW);
  ir_demo_line_to (draft, view, SHELL_HALF + 5, bottom);
  ir_demo_arc_to (draft, view, SHELL_HALF + 5 - SHELL_CORNER, bottom, SHELL_CORNER, 0, -G_PI / 2);
  ir_demo_line_to (draft, view, -SHELL_HALF - 5 + SHELL_CORNER, SHELL_BOTTOM);
  ir_demo_arc_to (draft, view, -SHELL_HALF - 5 + SHELL_CORNER, bottom, SHELL_CORNER, -G_PI / 2, -G_PI);
  cairo_close_path (draft->cr);
  cairo_stroke (draft->cr);

  if (size->drain)
    ir_draft_rect (draft, ir_demo_view_x (view, -DRAIN_BOSS), ir_demo_view_y (view, SHELL_BOTTOM),
                   2 * DRAIN_BOSS * view->scale, (SHELL_BOTTOM - DRAIN_BOTTOM) * view->scale);

  /* The flange hides the body behind it. */
  cairo_new_sub_path (draft->cr);
  cairo_arc (draft->cr, view->x, view->y, FLANGE_RADIUS * view->scale, 0, 2 * G_PI);
  cairo_set_source_rgb (draft->cr, 1, 1, 1);
  cairo_fill_preserve (draft->cr);
  cairo_set_source_rgb (draft->cr, 0, 0, 0);
  cairo_stroke (draft->cr);

  ir_demo_circle (draft, view, 0, 0, FACE_RADIUS);
  ir_demo_circle (draft, view, 0, 0, size->bore / 2);
  draw_holes (draft, view, 8, BOLT_CIRCLE_RADIUS, BOLT_HOLE_RADIUS);
  ir_draft_center_mark (draft, view->x, view->y, (FLANGE_RADIUS + 12) * view->scale);

  ir_draft_diameter (draft, view->x, view->y, BOLT_CIRCLE_RADIUS * view->scale,
                     G_PI * 0.86, "Ø250");
  ir_draft_diameter (draft, view->x, view->y, FLANGE_RADIUS * view->scale,
                     G_PI * 0.17, "Ø300");
  ir_draft_leader (draft,
                   ir_demo_view_x (view, BOLT_CIRCLE_RADIUS * cos (G_PI / 8) + 9),
                   ir_demo_view_y (view, -BOLT_CIRCLE_RADIUS * sin (G_PI / 8) - 9),
                   ir_demo_view_x (view, 200), ir_demo_view_y (view, -150), holes);
}

/* The view from above: the bonnet flange with its studs between the two
 * pipe flanges, and the cutting plane of section A–A. */
static void
draw_top_view (IrDraft           *draft,
               const IrDemoSheet *sheet,
               const IrDemoView  *view,
               const BodySize    *size)
{
  double half = size->length / 2;
  double neck_end = sqrt (TOP_FLANGE_RADIUS * TOP_FLANGE_RADIUS - NECK_RADIUS * NECK_RADIUS);
  g_autofree char *studs = g_strdup_printf ("%d×M20", size->top_studs);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  for (int side = -1; side <= 1; side += 2)
    {
      double face = side * half;
      double back = side * (half - FLANGE_THICKNESS);

      cairo_new_path (draft->cr);
      ir_demo_move_to (draft, view, face, -FACE_RADIUS);
      ir_demo_line_to (draft, view, face, FACE_RADIUS);
      ir_demo_line_to (draft, view, face - side * FACE_HEIGHT, FACE_RADIUS);
      ir_demo_line_to (draft, view, face - side * FACE_HEIGHT, FLANGE_RADIUS);
      ir_demo_line_to (draft, view, back, FLANGE_RADIUS);
      ir_demo_line_to (draft, view, back, -FLANGE_RADIUS);
      ir_demo_line_to (draft, view, face - side * FACE_HEIGHT, -FLANGE_RADIUS);
      ir_demo_line_to (draft, view, face - side * FACE_HEIGHT, -FACE_RADIUS);
      cairo_close_path (draft->cr);
      cairo_stroke (draft->cr);

      ir_draft_line (draft, ir_demo_view_x (view, back), ir_demo_view_y (view, NECK_RADIUS),
                     ir_demo_view_x (view, side * neck_end), ir_demo_view_y (view, NECK_RADIUS));
      ir_draft_line (draft, ir_demo_view_x (view, back), ir_demo_view_y (view, -NECK_RADIUS),
                     ir_demo_view_x (view, side * neck_end), ir_demo_view_y (view, -NECK_RADIUS));
    }

  ir_demo_circle (draft, view, 0, 0, TOP_FLANGE_RADIUS);
  ir_demo_circle (draft, view, 0, 0, TOP_OPENING_RADIUS);
  draw_holes (draft, view, size->top_studs, TOP_STUD_CIRCLE, 11);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_draft_line (draft, ir_demo_view_x (view, -half - 8), view->y,
                 ir_demo_view_x (view, half + 8), view->y);
  ir_draft_line (draft, view->x, ir_demo_view_y (view, TOP_FLANGE_RADIUS + 12),
                 view->x, ir_demo_view_y (view, -TOP_FLANGE_RADIUS - 12));

  ir_draft_section_label (draft, ir_demo_view_x (view, -half - 24), view->y, "A", TRUE);
  ir_draft_section_label (draft, ir_demo_view_x (view, half + 24), view->y, "A", TRUE);

  ir_draft_diameter (draft, view->x, view->y, TOP_STUD_CIRCLE * view->scale,
                     -G_PI * 0.3, "Ø290");
  ir_draft_leader (draft,
                   ir_demo_view_x (view, TOP_STUD_CIRCLE * cos (G_PI * 1.25) - 8),
                   ir_demo_view_y (view, TOP_STUD_CIRCLE * sin (G_PI * 1.25) - 8),
                   ir_demo_view_x (view, -half + 20), ir_demo_view_y (view, -TOP_FLANGE_RADIUS - 30),
                   studs);
}

/* ------------------------------------------------------------------------ */
/* Sheet                                                                    */
/* ------------------------------------------------------------------------ */

void
ir_demo_draw_body (IrDraft           *draft,
                   const IrDemoSheet *sheet)
{
  gboolean b = sheet->revision == 'B';
  BodySize size = {
    .length = b ? 410 : 403,
    .bore = b ? 152 : 150,
    .drain = b,
    .top_studs = b ? 16 : 12,
  };
  IrDemoView section = { 215, 205, 0.5 };
  IrDemoView side = { 500, 205, 0.5 };
  IrDemoView top = { 215, 445, 0.5 };
  const char *notes_zh[] = {
    "1. 铸件不得有砂眼、气孔、裂纹等缺陷。",
    "2. 未注铸造圆角 R5～R10。",
    "3. 壳体试验压力 6.0 MPa，密封试验压力 4.4 MPa。",
    "4. 法兰尺寸按 GB/T 9113 PN40 RF。",
    "5. 未注尺寸公差按 GB/T 1804-m。",
    b ? "6. 排放孔螺纹 NPT 1/2，装丝堵。" : NULL,
    NULL,
  };
  const char *notes_en[] = {
    "1. Castings free of sand holes, porosity and cracks.",
    "2. Unspecified casting radii R5 to R10.",
    "3. Shell test 6.0 MPa, seat test 4.4 MPa.",
    "4. Flanges to GB/T 9113 PN40 RF.",
    "5. General tolerances to GB/T 1804-m.",
    b ? "6. Drain tapped NPT 1/2, plugged." : NULL,
    NULL,
  };

  ir_demo_draw_frame (draft, sheet, IR_DEMO_DRAWING_BODY, IR_DRAFT_A1_WIDTH,
                      IR_DRAFT_A1_HEIGHT, "WCB", b ? "61.5 kg" : "58.0 kg");

  draw_section (draft, sheet, &section, &size);
  draw_side_view (draft, sheet, &side, &size);
  draw_top_view (draft, sheet, &top, &size);

  ir_draft_notes (draft, 440, 392, IR_DEMO_TEXT (sheet, "技术要求", "TECHNICAL REQUIREMENTS"),
                  sheet->english ? notes_en : notes_zh);

  ir_draft_text (draft, 745, 518, 3.5, IR_DRAFT_ALIGN_RIGHT,
                 IR_DEMO_TEXT (sheet, "其余", "Others"));
  ir_draft_surface_texture (draft, 752, 520, "Ra 25");
}
