/* ir-demo-drawings-bonnet.c: demo drawing FV-150-002, the gate valve bonnet
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ir-demo-drawings-private.h"

/* Part coordinates: millimetres, the axis at x = 0, the flange's lower face
 * at y = 0. Revision B makes the bonnet taller and bolts it with more
 * studs, to match body revision B. */
#define FLANGE_RADIUS 165.0
#define FLANGE_THICKNESS 30.0
#define SPIGOT_RADIUS 99.5
#define SPIGOT_HEIGHT 5.0
#define NECK_LOW_RADIUS 120.0
#define NECK_HIGH_RADIUS 70.0
#define NECK_TOP 190.0
#define GLAND_RADIUS 90.0
#define GLAND_THICKNESS 20.0
#define CAVITY_RADIUS 85.0
#define CAVITY_TOP 120.0
#define BACKSEAT 160.0
#define STEM_RADIUS 18.0
#define PACKING_RADIUS 30.0
#define PACKING_DEPTH 70.0
#define GLAND_STUD 78.0
#define GLAND_STUD_DEPTH 25.0
#define BOLT_CIRCLE_RADIUS 145.0
#define BOLT_HOLE_RADIUS 11.0

/* Runs up the left side of the section and down the right one. */
static void
outer_contour (IrDraft          *draft,
               const IrDemoView *view,
               double            height)
{
  const double profile[][2] = {
    { SPIGOT_RADIUS, -SPIGOT_HEIGHT },
    { SPIGOT_RADIUS, 0 },
    { FLANGE_RADIUS, 0 },
    { FLANGE_RADIUS, FLANGE_THICKNESS },
    { NECK_LOW_RADIUS, FLANGE_THICKNESS },
    { NECK_HIGH_RADIUS, NECK_TOP },
    { NECK_HIGH_RADIUS, height - GLAND_THICKNESS },
    { GLAND_RADIUS, height - GLAND_THICKNESS },
    { GLAND_RADIUS, height },
  };
  int n = G_N_ELEMENTS (profile);

  ir_demo_move_to (draft, view, -profile[0][0], profile[0][1]);
  for (int i = 1; i < n; i++)
    ir_demo_line_to (draft, view, -profile[i][0], profile[i][1]);
  for (int i = n - 1; i >= 0; i--)
    ir_demo_line_to (draft, view, profile[i][0], profile[i][1]);
  cairo_close_path (draft->cr);
}

/* The cavity over the gate, the backseat, the stem bore and the packing
 * chamber, then the two tapped gland stud holes. */
static void
inner_contours (IrDraft          *draft,
                const IrDemoView *view,
                double            height)
{
  double packing_bottom = height - PACKING_DEPTH;

  ir_demo_move_to (draft, view, -CAVITY_RADIUS, -SPIGOT_HEIGHT);
  ir_demo_line_to (draft, view, -CAVITY_RADIUS, CAVITY_TOP);
  ir_demo_line_to (draft, view, -STEM_RADIUS - 7, BACKSEAT);
  ir_demo_line_to (draft, view, -STEM_RADIUS, BACKSEAT);
  ir_demo_line_to (draft, view, -STEM_RADIUS, packing_bottom);
  ir_demo_line_to (draft, view, -PACKING_RADIUS, packing_bottom);
  ir_demo_line_to (draft, view, -PACKING_RADIUS, height);
  ir_demo_line_to (draft, view, PACKING_RADIUS, height);
  ir_demo_line_to (draft, view, PACKING_RADIUS, packing_bottom);
  ir_demo_line_to (draft, view, STEM_RADIUS, packing_bottom);
  ir_demo_line_to (draft, view, STEM_RADIUS, BACKSEAT);
  ir_demo_line_to (draft, view, STEM_RADIUS + 7, BACKSEAT);
  ir_demo_line_to (draft, view, CAVITY_RADIUS, CAVITY_TOP);
  ir_demo_line_to (draft, view, CAVITY_RADIUS, -SPIGOT_HEIGHT);
  cairo_close_path (draft->cr);

  for (int side = -1; side <= 1; side += 2)
    {
      cairo_new_sub_path (draft->cr);
      cairo_rectangle (draft->cr, ir_demo_view_x (view, side * GLAND_STUD - 7),
                       ir_demo_view_y (view, height), 14 * view->scale,
                       GLAND_STUD_DEPTH * view->scale);
    }
}

static void
draw_section (IrDraft           *draft,
              const IrDemoSheet *sheet,
              const IrDemoView  *view,
              double             height)
{
  g_autofree char *height_text = g_strdup_printf ("%.0f", height);

  cairo_new_path (draft->cr);
  outer_contour (draft, view, height);
  inner_contours (draft, view, height);
  ir_draft_hatch_path (draft, 3, -G_PI / 4);
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  cairo_stroke (draft->cr);

  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_draft_line (draft, view->x, ir_demo_view_y (view, -SPIGOT_HEIGHT - 10),
                 view->x, ir_demo_view_y (view, height + 10));
  for (int side = -1; side <= 1; side += 2)
    ir_draft_line (draft, ir_demo_view_x (view, side * GLAND_STUD), ir_demo_view_y (view, height + 4),
                   ir_demo_view_x (view, side * GLAND_STUD), ir_demo_view_y (view, height - GLAND_STUD_DEPTH - 4));

  ir_demo_vertical_dimension (draft, view, -FLANGE_RADIUS, 0, -GLAND_RADIUS, height,
                              -FLANGE_RADIUS - 30, height_text, "±1");
  ir_demo_vertical_dimension (draft, view, FLANGE_RADIUS, FLANGE_THICKNESS, FLANGE_RADIUS, 0,
                              FLANGE_RADIUS + 20, "30", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, -FLANGE_RADIUS), ir_demo_view_y (view, 0),
                      ir_demo_view_x (view, FLANGE_RADIUS), ir_demo_view_y (view, 0),
                      -24, "Ø330", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, -SPIGOT_RADIUS), ir_demo_view_y (view, -SPIGOT_HEIGHT),
                      ir_demo_view_x (view, SPIGOT_RADIUS), ir_demo_view_y (view, -SPIGOT_HEIGHT),
                      -10, "Ø199", "-0.1/-0.3");
  ir_draft_dimension (draft, ir_demo_view_x (view, -PACKING_RADIUS), ir_demo_view_y (view, height),
                      ir_demo_view_x (view, PACKING_RADIUS), ir_demo_view_y (view, height),
                      10, "Ø60", "H11");
  ir_draft_dimension (draft, ir_demo_view_x (view, -GLAND_RADIUS), ir_demo_view_y (view, height),
                      ir_demo_view_x (view, GLAND_RADIUS), ir_demo_view_y (view, height),
                      22, "Ø180", NULL);
  ir_draft_dimension (draft, ir_demo_view_x (view, -STEM_RADIUS), ir_demo_view_y (view, 210),
                      ir_demo_view_x (view, STEM_RADIUS), ir_demo_view_y (view, 210),
                      0, "Ø36", "H9");
  ir_draft_leader (draft, ir_demo_view_x (view, GLAND_STUD + 7), ir_demo_view_y (view, height - 12),
                   ir_demo_view_x (view, GLAND_STUD + 60), ir_demo_view_y (view, height - 40),
                   IR_DEMO_TEXT (sheet, "2×M16 深 25", "2×M16 DEEP 25"));

  ir_draft_surface_texture (draft, ir_demo_view_x (view, -140), ir_demo_view_y (view, 0) + 10,
                            "Ra 3.2");
  ir_draft_surface_texture (draft, ir_demo_view_x (view, 40), ir_demo_view_y (view, height),
                            "Ra 1.6");

  /* The view from above is drawn beside this one, so an arrow marks it. */
  ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
  ir_draft_line (draft, ir_demo_view_x (view, 120), ir_demo_view_y (view, height + 50),
                 ir_demo_view_x (view, 120), ir_demo_view_y (view, height + 10));
  ir_draft_arrow (draft, ir_demo_view_x (view, 120), ir_demo_view_y (view, height + 10),
                  ir_demo_view_x (view, 120), ir_demo_view_y (view, height + 50));
  ir_draft_text (draft, ir_demo_view_x (view, 130), ir_demo_view_y (view, height + 35), 5,
                 IR_DRAFT_ALIGN_LEFT, "B");
}

static void
draw_plan (IrDraft           *draft,
           const IrDemoSheet *sheet,
           const IrDemoView  *view,
           int                n_holes)
{
  g_autofree char *holes = g_strdup_printf (sheet->english ? "%d×Ø22 EQS" : "%d×Ø22 均布",
                                            n_holes);
  const double radii[] = {
    FLANGE_RADIUS, NECK_LOW_RADIUS, GLAND_RADIUS, NECK_HIGH_RADIUS, PACKING_RADIUS,
  };

  ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
  for (guint i = 0; i < G_N_ELEMENTS (radii); i++)
    ir_demo_circle (draft, view, 0, 0, radii[i]);

  for (int i = 0; i < n_holes; i++)
    {
      double angle = G_PI / n_holes + 2 * G_PI * i / n_holes;
      double x = BOLT_CIRCLE_RADIUS * cos (angle);
      double y = BOLT_CIRCLE_RADIUS * sin (angle);

      ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
      ir_demo_circle (draft, view, x, y, BOLT_HOLE_RADIUS);
      ir_draft_center_mark (draft, ir_demo_view_x (view, x), ir_demo_view_y (view, y),
                            (BOLT_HOLE_RADIUS + 4) * view->scale);
    }

  for (int side = -1; side <= 1; side += 2)
    {
      ir_draft_set_pen (draft, IR_DRAFT_PEN_THICK);
      ir_demo_circle (draft, view, side * GLAND_STUD, 0, 7);
      ir_draft_set_pen (draft, IR_DRAFT_PEN_THIN);
      ir_demo_circle (draft, view, side * GLAND_STUD, 0, 8);
    }

  ir_draft_set_pen (draft, IR_DRAFT_PEN_CENTER);
  ir_demo_circle (draft, view, 0, 0, BOLT_CIRCLE_RADIUS);
  ir_draft_center_mark (draft, view->x, view->y, (FLANGE_RADIUS + 12) * view->scale);

  ir_draft_text (draft, view->x, ir_demo_view_y (view, FLANGE_RADIUS + 40), 7,
                 IR_DRAFT_ALIGN_CENTER, "B");
  ir_draft_diameter (draft, view->x, view->y, BOLT_CIRCLE_RADIUS * view->scale,
                     -G_PI * 0.28, "Ø290");
  ir_draft_leader (draft,
                   ir_demo_view_x (view, BOLT_CIRCLE_RADIUS * cos (G_PI + G_PI / n_holes) - 8),
                   ir_demo_view_y (view, BOLT_CIRCLE_RADIUS * sin (G_PI + G_PI / n_holes) - 8),
                   ir_demo_view_x (view, -FLANGE_RADIUS - 10), ir_demo_view_y (view, -FLANGE_RADIUS - 20),
                   holes);
}

void
ir_demo_draw_bonnet (IrDraft           *draft,
                     const IrDemoSheet *sheet)
{
  gboolean b = sheet->revision == 'B';
  IrDemoView section = { 160, 255, 0.5 };
  IrDemoView plan = { 420, 200, 0.5 };
  const char *notes_zh[] = {
    "1. 铸件不得有砂眼、气孔、裂纹等缺陷。",
    "2. 未注铸造圆角 R5～R8。",
    "3. 上密封面堆焊 STL，硬度 ≥ HRC 38。",
    "4. 未注尺寸公差按 GB/T 1804-m。",
    NULL,
  };
  const char *notes_en[] = {
    "1. Castings free of sand holes, porosity and cracks.",
    "2. Unspecified casting radii R5 to R8.",
    "3. Backseat overlaid with STL, hardness ≥ HRC 38.",
    "4. General tolerances to GB/T 1804-m.",
    NULL,
  };

  ir_demo_draw_frame (draft, sheet, IR_DEMO_DRAWING_BONNET, IR_DRAFT_A2_WIDTH,
                      IR_DRAFT_A2_HEIGHT, "WCB", b ? "41.0 kg" : "39.5 kg");

  draw_section (draft, sheet, &section, b ? 295 : 285);
  draw_plan (draft, sheet, &plan, b ? 16 : 12);

  ir_draft_notes (draft, 40, 330, IR_DEMO_TEXT (sheet, "技术要求", "TECHNICAL REQUIREMENTS"),
                  sheet->english ? notes_en : notes_zh);
}
