/* ir-markup-layer-draw.c: how markups look on the page, and hit testing
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Markups are drawn with cairo in widget coordinates, so that their lines
 * keep a screen width at any zoom while their shapes follow the page. Open
 * markups are drawn solid. Accepted, rejected and done ones fade, so that
 * what still needs an answer is plain to see in a review.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ir-markup-layer-private.h"

/* Sizes on screen, in pixels. */
#define LINE_WIDTH    2.0
#define PIN_RADIUS    11.0
#define HANDLE_SIZE   8.0
#define ARROW_HEAD    14.0
#define HIT_DISTANCE  6.0
#define FADED_ALPHA   0.45

/* --- shapes --------------------------------------------------------------- */

/**
 * ir_markup_draw_cloud:
 * @cr: where to draw
 * @x: left edge
 * @y: top edge
 * @width: width
 * @height: height
 * @scallop: the length of one arc along an edge
 *
 * Adds a revision cloud around the box to the path of @cr: arcs that bulge
 * outwards along each edge, clockwise from the top-left corner.
 */
void
ir_markup_draw_cloud (cairo_t *cr,
                      double   x,
                      double   y,
                      double   width,
                      double   height,
                      double   scallop)
{
  int n_across = MAX (1, (int) round (width / scallop));
  int n_down = MAX (1, (int) round (height / scallop));
  double step_x = width / n_across;
  double step_y = height / n_down;

  cairo_new_sub_path (cr);
  for (int i = 0; i < n_across; i++)
    cairo_arc (cr, x + step_x * (i + 0.5), y, step_x / 2, G_PI, 2 * G_PI);
  for (int i = 0; i < n_down; i++)
    cairo_arc (cr, x + width, y + step_y * (i + 0.5), step_y / 2, -G_PI / 2, G_PI / 2);
  for (int i = 0; i < n_across; i++)
    cairo_arc (cr, x + width - step_x * (i + 0.5), y + height, step_x / 2, 0, G_PI);
  for (int i = 0; i < n_down; i++)
    cairo_arc (cr, x, y + height - step_y * (i + 0.5), step_y / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Returns the box of @geometry in widget coordinates. */
static gboolean
get_widget_box (IrMarkupLayer *self,
                JsonNode      *geometry,
                double         box[4])
{
  IrPdfRect bounds;

  if (!ir_markup_geometry_get_bounds (geometry, &bounds))
    return FALSE;

  ir_pdf_view_page_to_widget (self->view, bounds.x, bounds.y, &box[0], &box[1]);
  ir_pdf_view_page_to_widget (self->view, bounds.x + bounds.width, bounds.y + bounds.height,
                              &box[2], &box[3]);
  return TRUE;
}

static void
add_polyline (IrMarkupLayer *self,
              cairo_t       *cr,
              GArray        *points)
{
  for (guint i = 0; i + 1 < points->len; i += 2)
    {
      double x, y;

      ir_pdf_view_page_to_widget (self->view, g_array_index (points, double, i),
                                  g_array_index (points, double, i + 1), &x, &y);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
draw_arrow_head (cairo_t *cr,
                 double   from_x,
                 double   from_y,
                 double   to_x,
                 double   to_y)
{
  double angle = atan2 (to_y - from_y, to_x - from_x);

  cairo_move_to (cr, to_x, to_y);
  cairo_line_to (cr, to_x - ARROW_HEAD * cos (angle - 0.4), to_y - ARROW_HEAD * sin (angle - 0.4));
  cairo_line_to (cr, to_x - ARROW_HEAD * cos (angle + 0.4), to_y - ARROW_HEAD * sin (angle + 0.4));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_label (cairo_t       *cr,
            GtkWidget     *widget,
            const char    *text,
            double         x,
            double         y,
            double         max_width,
            double         font_pixels,
            gboolean       bold,
            gboolean       centered)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int width, height;

  pango_font_description_set_absolute_size (font, font_pixels * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, centered ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    }

  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, centered && max_width <= 0 ? x - width / 2.0 : x,
                 centered ? y - height / 2.0 : y);
  pango_cairo_show_layout (cr, layout);
}

/* A small numbered tab at the top-left corner, so that "#3" in the list or
 * a review's minutes is easy to find on the sheet. A carried markup's
 * number starts with an arrow. */
static void
draw_badge (IrMarkupLayer *self,
            cairo_t       *cr,
            IrMarkupItem  *item,
            double         x,
            double         y,
            double         alpha)
{
  g_autofree char *text = g_strdup_printf ("%s%u", item->carried ? "↪" : "", item->number);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view), text);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 8");
  int width, height;

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_get_pixel_size (layout, &width, &height);

  set_color (cr, &item->color, alpha);
  cairo_rectangle (cr, x, y - height - 2, width + 6, height + 2);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_move_to (cr, x + 3, y - height - 1);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_pin (IrMarkupLayer *self,
          cairo_t       *cr,
          IrMarkupItem  *item,
          double         x,
          double         y,
          double         alpha)
{
  g_autofree char *number = g_strdup_printf ("%u", item->number);

  /* A tear drop whose tip is the pinned point. */
  set_color (cr, &item->color, alpha);
  cairo_move_to (cr, x, y);
  cairo_arc (cr, x, y - PIN_RADIUS * 1.6, PIN_RADIUS, G_PI * 0.75, G_PI * 2.25);
  cairo_close_path (cr);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  draw_label (cr, GTK_WIDGET (self->view), number, x, y - PIN_RADIUS * 1.6, 0, 11, TRUE, TRUE);
}

static void
draw_stamp (IrMarkupLayer *self,
            cairo_t       *cr,
            IrMarkupItem  *item,
            const double   box[4],
            double         alpha)
{
  const char *stamp = ir_entity_get_string (item->markup, "stamp");
  double width = box[2] - box[0], height = box[3] - box[1];
  GdkRGBA color;

  ir_markup_color_for_stamp (stamp, &color);
  set_color (cr, &color, alpha);
  cairo_set_line_width (cr, LINE_WIDTH * 1.5);
  cairo_rectangle (cr, box[0], box[1], width, height);
  cairo_stroke (cr);
  cairo_set_line_width (cr, LINE_WIDTH * 0.75);
  cairo_rectangle (cr, box[0] + 4, box[1] + 4, MAX (width - 8, 0), MAX (height - 8, 0));
  cairo_stroke (cr);

  if (height > 10)
    draw_label (cr, GTK_WIDGET (self->view), ir_markup_stamp_label (stamp),
                (box[0] + box[2]) / 2, (box[1] + box[3]) / 2, 0,
                MIN (height * 0.42, width / 6), TRUE, TRUE);
}

static void
draw_text_box (IrMarkupLayer *self,
               cairo_t       *cr,
               IrMarkupItem  *item,
               const double   box[4],
               double         alpha)
{
  const char *text = ir_entity_get_string (item->markup, "text");
  double zoom = ir_pdf_view_get_zoom (self->view);
  double font_pixels = 11 * zoom;

  cairo_set_source_rgba (cr, 1, 1, 0.85, 0.85 * alpha);
  cairo_rectangle (cr, box[0], box[1], box[2] - box[0], box[3] - box[1]);
  cairo_fill_preserve (cr);
  set_color (cr, &item->color, alpha);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  /* Text under 5 pixels could not be read; the box alone marks it. */
  if (text != NULL && font_pixels >= 5)
    draw_label (cr, GTK_WIDGET (self->view), text, box[0] + 3, box[1] + 2,
                box[2] - box[0] - 6, font_pixels, FALSE, FALSE);
}

static void
draw_shape (IrMarkupLayer *self,
            cairo_t       *cr,
            IrMarkupItem  *item,
            const char    *kind,
            JsonNode      *geometry,
            double         alpha)
{
  double zoom = ir_pdf_view_get_zoom (self->view);
  g_autoptr(GArray) points = ir_markup_geometry_get_points (geometry);
  double box[4];

  if (!get_widget_box (self, geometry, box))
    return;

  set_color (cr, &item->color, alpha);
  cairo_set_line_width (cr, LINE_WIDTH);

  if (g_strcmp0 (kind, "pin") == 0)
    {
      draw_pin (self, cr, item, box[0], box[1], alpha);
      return;
    }
  else if (g_strcmp0 (kind, "cloud") == 0)
    {
      ir_markup_draw_cloud (cr, box[0], box[1], box[2] - box[0], box[3] - box[1],
                            CLAMP (10 * zoom, 8, 24));
      cairo_stroke (cr);
    }
  else if (g_strcmp0 (kind, "stamp") == 0)
    draw_stamp (self, cr, item, box, alpha);
  else if (g_strcmp0 (kind, "text") == 0)
    draw_text_box (self, cr, item, box, alpha);
  else if (points != NULL && points->len >= 4)
    {
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      add_polyline (self, cr, points);
      cairo_stroke (cr);

      if (g_strcmp0 (kind, "arrow") == 0)
        {
          double x0, y0, x1, y1;
          guint last = points->len - 2;

          ir_pdf_view_page_to_widget (self->view, g_array_index (points, double, last - 2),
                                      g_array_index (points, double, last - 1), &x0, &y0);
          ir_pdf_view_page_to_widget (self->view, g_array_index (points, double, last),
                                      g_array_index (points, double, last + 1), &x1, &y1);
          draw_arrow_head (cr, x0, y0, x1, y1);
        }
    }
  else
    {
      cairo_rectangle (cr, box[0], box[1], box[2] - box[0], box[3] - box[1]);
      cairo_stroke (cr);
    }

  draw_badge (self, cr, item, MIN (box[0], box[2]), MIN (box[1], box[3]), alpha);
}

/* --- handles -------------------------------------------------------------- */

/* Fills @xy with the handles of @item for @geometry, in widget
 * coordinates; returns how many there are. */
static int
get_handles (IrMarkupLayer *self,
             IrMarkupItem  *item,
             JsonNode      *geometry,
             double         xy[8])
{
  const char *kind = ir_entity_get_string (item->markup, "kind");
  double box[4];

  if (g_strcmp0 (kind, "pin") == 0 || !get_widget_box (self, geometry, box))
    return 0;

  if (g_strcmp0 (kind, "arrow") == 0)
    {
      g_autoptr(GArray) points = ir_markup_geometry_get_points (geometry);

      if (points == NULL || points->len < 4)
        return 0;

      for (int i = 0; i < 2; i++)
        ir_pdf_view_page_to_widget (self->view, g_array_index (points, double, 2 * i),
                                    g_array_index (points, double, 2 * i + 1),
                                    &xy[2 * i], &xy[2 * i + 1]);
      return 2;
    }

  xy[0] = box[0]; xy[1] = box[1];
  xy[2] = box[2]; xy[3] = box[1];
  xy[4] = box[2]; xy[5] = box[3];
  xy[6] = box[0]; xy[7] = box[3];
  return 4;
}

static void
draw_selection (IrMarkupLayer *self,
                cairo_t       *cr,
                IrMarkupItem  *item,
                JsonNode      *geometry)
{
  static const double dashes[] = { 4, 3 };
  double xy[8], box[4];
  int n = get_handles (self, item, geometry, xy);

  if (get_widget_box (self, geometry, box))
    {
      double pad = g_strcmp0 (ir_entity_get_string (item->markup, "kind"), "pin") == 0
                   ? PIN_RADIUS * 3 : 4;

      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_rectangle (cr, box[0] - pad, box[1] - pad, box[2] - box[0] + 2 * pad,
                       box[3] - box[1] + 2 * pad);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  for (int i = 0; i < n; i++)
    {
      cairo_rectangle (cr, xy[2 * i] - HANDLE_SIZE / 2, xy[2 * i + 1] - HANDLE_SIZE / 2,
                       HANDLE_SIZE, HANDLE_SIZE);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
}

/* Returns the handle of the selected @item under (@x, @y), or -1. */
int
ir_markup_layer_hit_handle (IrMarkupLayer *self,
                            IrMarkupItem  *item,
                            double         x,
                            double         y)
{
  double xy[8];
  int n = get_handles (self, item, ir_entity_get_value (item->placement, "geometry"), xy);

  for (int i = 0; i < n; i++)
    if (fabs (x - xy[2 * i]) <= HANDLE_SIZE && fabs (y - xy[2 * i + 1]) <= HANDLE_SIZE)
      return i;

  return -1;
}

static double
distance_to_segment (double px,
                     double py,
                     double ax,
                     double ay,
                     double bx,
                     double by)
{
  double dx = bx - ax, dy = by - ay;
  double length = dx * dx + dy * dy;
  double t = length > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / length, 0, 1) : 0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

static gboolean
item_contains (IrMarkupLayer *self,
               IrMarkupItem  *item,
               double         x,
               double         y)
{
  JsonNode *geometry = ir_entity_get_value (item->placement, "geometry");
  const char *kind = ir_entity_get_string (item->markup, "kind");
  g_autoptr(GArray) points = ir_markup_geometry_get_points (geometry);
  double box[4];

  if (!get_widget_box (self, geometry, box))
    return FALSE;

  if (g_strcmp0 (kind, "pin") == 0)
    return hypot (x - box[0], y - (box[1] - PIN_RADIUS * 1.6)) <= PIN_RADIUS * 1.4;

  if (points != NULL && points->len >= 4)
    {
      double previous_x = 0, previous_y = 0;

      for (guint i = 0; i + 1 < points->len; i += 2)
        {
          double px, py;

          ir_pdf_view_page_to_widget (self->view, g_array_index (points, double, i),
                                      g_array_index (points, double, i + 1), &px, &py);
          if (i > 0 && distance_to_segment (x, y, previous_x, previous_y, px, py) <= HIT_DISTANCE)
            return TRUE;
          previous_x = px;
          previous_y = py;
        }
      return FALSE;
    }

  return x >= box[0] - HIT_DISTANCE && x <= box[2] + HIT_DISTANCE &&
         y >= box[1] - HIT_DISTANCE && y <= box[3] + HIT_DISTANCE;
}

/* Returns the topmost markup under (@x, @y), or %NULL. */
IrMarkupItem *
ir_markup_layer_hit_item (IrMarkupLayer *self,
                          double         x,
                          double         y)
{
  for (guint i = self->items->len; i > 0; i--)
    {
      IrMarkupItem *item = g_ptr_array_index (self->items, i - 1);

      if (item_contains (self, item, x, y))
        return item;
    }

  return NULL;
}

/* --- drawing -------------------------------------------------------------- */

static void
draw_creation (IrMarkupLayer *self,
               cairo_t       *cr)
{
  static const double dashes[] = { 5, 4 };
  double x0, y0, x1, y1;

  ir_pdf_view_page_to_widget (self->view, self->start_x, self->start_y, &x0, &y0);
  ir_pdf_view_page_to_widget (self->view, self->current_x, self->current_y, &x1, &y1);
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
  cairo_set_line_width (cr, LINE_WIDTH);

  if (self->stroke != NULL)
    {
      add_polyline (self, cr, self->stroke);
      cairo_stroke (cr);
      return;
    }

  if (self->tool == IR_MARKUP_TOOL_ARROW)
    {
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
      draw_arrow_head (cr, x0, y0, x1, y1);
      return;
    }

  if (self->tool == IR_MARKUP_TOOL_PIN)
    return;

  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  if (self->tool == IR_MARKUP_TOOL_CLOUD)
    ir_markup_draw_cloud (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0),
                          CLAMP (10 * ir_pdf_view_get_zoom (self->view), 8, 24));
  else
    cairo_rectangle (cr, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Draws the shown page's markups, the selection and the markup being
 * drawn. */
void
ir_markup_layer_snapshot (IrMarkupLayer *self,
                          GtkSnapshot   *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self->view);
  IrMarkupItem *selected = ir_markup_layer_find_selected (self);
  cairo_t *cr;

  if (self->items->len == 0 && self->action != IR_MARKUP_ACTION_CREATE)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));

  for (guint i = 0; i < self->items->len; i++)
    {
      IrMarkupItem *item = g_ptr_array_index (self->items, i);
      JsonNode *geometry = ir_entity_get_value (item->placement, "geometry");

      if (item == selected && self->preview != NULL)
        geometry = self->preview;

      draw_shape (self, cr, item, ir_entity_get_string (item->markup, "kind"), geometry,
                  item->open || item == selected ? 1.0 : FADED_ALPHA);
    }

  if (selected != NULL)
    draw_selection (self, cr, selected,
                    self->preview ? self->preview
                                  : ir_entity_get_value (selected->placement, "geometry"));

  if (self->action == IR_MARKUP_ACTION_CREATE)
    draw_creation (self, cr);

  cairo_destroy (cr);
}
