/* ir-map-canvas-draw.c: drawing the canvas: grid, departments, links and
 * the simplified cards of a zoomed-out view
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what is in view is drawn. Links go through the same cairo code as
 * the exports, in one path per style. Below IR_MAP_CANVAS_SIMPLE_ZOOM the
 * card widgets are not drawn; each card becomes a few rectangles, with its
 * name only while the name is still readable.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <math.h>

#include "ir-map-canvas-private.h"

#define GRID_STEP        32.0   /* map units between dots of the background */
#define GRID_MIN_PIXELS  12.0
#define FRAME_PADDING    18.0
#define FRAME_HEADER     30.0
#define NAME_ZOOM        0.2    /* names of simplified cards show from here */
#define BAND_HEIGHT      6.0
#define LABEL_ZOOM       0.36   /* department names become labels below this */
#define LABEL_SCALE      0.8    /* of the header's font, for those labels */

typedef struct
{
  double      left, top, right, bottom;
  int         color;
  const char *name;
} Frame;

/* --- helpers -------------------------------------------------------------- */

static GdkRGBA
rgba_of (IrMapColor color,
         double     alpha)
{
  GdkRGBA rgba = { color.red, color.green, color.blue, alpha };

  return rgba;
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static gboolean
rect_in_view (const IrMapRect       *rect,
              const graphene_rect_t *view)
{
  return rect->x < view->origin.x + view->size.width &&
         rect->x + rect->width > view->origin.x &&
         rect->y < view->origin.y + view->size.height &&
         rect->y + rect->height > view->origin.y;
}

static gboolean
shape_in_view (const IrMapLinkShape  *shape,
               const graphene_rect_t *view)
{
  double left = MIN (shape->source->x, shape->target->x);
  double top = MIN (shape->source->y, shape->target->y);
  double right = MAX (shape->source->x + shape->source->width, shape->target->x + shape->target->width);
  double bottom = MAX (shape->source->y + shape->source->height,
                       shape->target->y + shape->target->height);
  IrMapRect box = { left - 20, top - 20, right - left + 40, bottom - top + 40 };

  return rect_in_view (&box, view);
}

static PangoLayout *
department_layout (IrMapCanvas *self,
                   const char  *name)
{
  PangoLayout *layout = g_hash_table_lookup (self->department_layouts, name);

  if (layout == NULL)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attributes, pango_attr_size_new_absolute (16 * PANGO_SCALE));
      pango_layout_set_attributes (layout, attributes);
      pango_attr_list_unref (attributes);
      g_hash_table_insert (self->department_layouts, g_strdup (name), layout);
    }

  return layout;
}

/* --- background ----------------------------------------------------------- */

static void
draw_grid (IrMapCanvas *self,
           GtkSnapshot *snapshot,
           int          width,
           int          height)
{
  double step = GRID_STEP * self->zoom;
  double offset_x, offset_y;
  GdkRGBA dot = is_dark () ? (GdkRGBA) { 1, 1, 1, 0.07 } : (GdkRGBA) { 0, 0, 0, 0.09 };

  if (step < GRID_MIN_PIXELS)
    return;

  offset_x = -fmod (self->view_x * self->zoom, step);
  offset_y = -fmod (self->view_y * self->zoom, step);
  if (offset_x > 0)
    offset_x -= step;
  if (offset_y > 0)
    offset_y -= step;

  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height),
                            &GRAPHENE_RECT_INIT (offset_x, offset_y, step, step));
  gtk_snapshot_append_color (snapshot, &dot, &GRAPHENE_RECT_INIT (offset_x, offset_y, 1.5, 1.5));
  gtk_snapshot_pop (snapshot);
}

/* --- departments ---------------------------------------------------------- */

/* Writes a department's name in its frame's header. Far zoomed out, where
 * the header is too small, the name becomes a label of a fixed size on the
 * frame's corner, so that an overview of the room still names each block. */
static void
draw_department_name (IrMapCanvas     *self,
                      GtkSnapshot     *snapshot,
                      const char      *name,
                      const IrMapRect *box,
                      IrMapColor       color,
                      gboolean         dark)
{
  PangoLayout *layout = department_layout (self, name);
  GdkRGBA text = rgba_of (color, 1.0);
  int text_width, text_height;

  if (dark)
    text = (GdkRGBA) { MIN (1, color.red + 0.3), MIN (1, color.green + 0.3),
                       MIN (1, color.blue + 0.3), 1 };

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box->x, box->y));

  if (self->zoom >= LABEL_ZOOM)
    {
      /* Below 70 % the name grows on the map, to stay about 11 pixels
       * tall; at LABEL_ZOOM it fills the header. */
      double grow = MAX (1.0, 0.7 / self->zoom);

      pango_layout_set_width (layout, (int) ((box->width - 32) / grow * PANGO_SCALE));
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (16, 8));
      gtk_snapshot_scale (snapshot, grow, grow);
      gtk_snapshot_append_layout (snapshot, layout, &text);
    }
  else
    {
      GdkRGBA background = rgba_of (color, 0.9);
      GdkRGBA white = { 1, 1, 1, 1 };
      GskRoundedRect pill;

      /* A name may run a little past its frame, into the gap before the
       * next one, before it is cut. */
      pango_layout_set_width (layout, (int) (MAX (box->width * self->zoom - 12, 24) / LABEL_SCALE *
                                             PANGO_SCALE));
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_snapshot_scale (snapshot, LABEL_SCALE / self->zoom, LABEL_SCALE / self->zoom);
      gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (4, 4, text_width + 16,
                                                                   text_height + 6),
                                       (text_height + 6) / 2.0);
      gtk_snapshot_push_rounded_clip (snapshot, &pill);
      gtk_snapshot_append_color (snapshot, &background, &pill.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, 7));
      gtk_snapshot_append_layout (snapshot, layout, &white);
    }

  gtk_snapshot_restore (snapshot);
}

/* Returns the frame of each department: the box around its cards. */
static GPtrArray *
collect_frames (IrMapCanvas *self)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *frames = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];
      const char *name = ir_entity_get_string (card->entity, "department");
      Frame *frame;

      if (name == NULL || name[0] == '\0' || card->color < 0)
        continue;

      frame = g_hash_table_lookup (by_name, name);
      if (frame == NULL)
        {
          frame = g_new0 (Frame, 1);
          frame->left = card->rect.x;
          frame->top = card->rect.y;
          frame->right = card->rect.x + card->rect.width;
          frame->bottom = card->rect.y + card->rect.height;
          frame->color = card->color;
          frame->name = name;
          g_hash_table_insert (by_name, (gpointer) name, frame);
          g_ptr_array_add (frames, frame);
          continue;
        }

      frame->left = MIN (frame->left, card->rect.x);
      frame->top = MIN (frame->top, card->rect.y);
      frame->right = MAX (frame->right, card->rect.x + card->rect.width);
      frame->bottom = MAX (frame->bottom, card->rect.y + card->rect.height);
    }

  return frames;
}

static IrMapRect
frame_box (const Frame *frame)
{
  IrMapRect box = { frame->left - FRAME_PADDING, frame->top - FRAME_PADDING - FRAME_HEADER,
                    frame->right - frame->left + 2 * FRAME_PADDING,
                    frame->bottom - frame->top + 2 * FRAME_PADDING + FRAME_HEADER };

  return box;
}

/* Draws the departments' frames, and their names in the headers when the
 * zoom leaves them readable. */
static void
draw_departments (IrMapCanvas           *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *view,
                  GPtrArray             *frames)
{
  gboolean dark = is_dark ();

  for (guint i = 0; i < frames->len; i++)
    {
      Frame *frame = frames->pdata[i];
      IrMapColor color = ir_map_department_color (frame->color);
      IrMapRect box = frame_box (frame);
      GskRoundedRect outline;
      GdkRGBA fill = rgba_of (color, dark ? 0.10 : 0.06);
      GdkRGBA border = rgba_of (color, dark ? 0.45 : 0.35);
      GdkRGBA borders[4] = { border, border, border, border };
      float widths[4] = { 1.2, 1.2, 1.2, 1.2 };

      if (!rect_in_view (&box, view))
        continue;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (box.x, box.y, box.width,
                                                                      box.height), 16);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &fill, &outline.bounds);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_append_border (snapshot, &outline, widths, borders);

      if (self->zoom >= LABEL_ZOOM)
        draw_department_name (self, snapshot, frame->name, &box, color, dark);
    }
}

/* Zoomed out, the departments' names go on top of the cards as labels. */
static void
draw_department_labels (IrMapCanvas           *self,
                        GtkSnapshot           *snapshot,
                        const graphene_rect_t *view,
                        GPtrArray             *frames)
{
  gboolean dark = is_dark ();

  for (guint i = 0; i < frames->len; i++)
    {
      Frame *frame = frames->pdata[i];
      IrMapRect box = frame_box (frame);

      if (rect_in_view (&box, view))
        draw_department_name (self, snapshot, frame->name, &box,
                              ir_map_department_color (frame->color), dark);
    }
}

/* --- links ---------------------------------------------------------------- */

static void
draw_links (IrMapCanvas           *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *view,
            int                    width,
            int                    height)
{
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (IrMapLinkShape));
  cairo_t *cr;

  if (self->shapes_dirty)
    ir_map_canvas_rebuild_shapes (self);

  for (guint i = 0; i < self->shapes->len; i++)
    {
      IrMapLinkShape *shape = &g_array_index (self->shapes, IrMapLinkShape, i);

      if (shape_in_view (shape, view))
        g_array_append_val (visible, *shape);
    }

  if (visible->len == 0 && self->drag_mode != IR_MAP_DRAG_LINK)
    return;

  /* The cairo node takes widget coordinates; the map's transform is
   * applied to the cairo context, so that lines keep their shapes. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->view_x, -self->view_y);
  ir_map_draw_links (cr, (IrMapLinkShape *) visible->data, visible->len, 1.0 / self->zoom,
                     self->zoom < 0.6 || visible->len > 400);

  /* The link being drawn, from its card to the pointer. */
  if (self->drag_mode == IR_MAP_DRAG_LINK && self->drag_card != NULL)
    {
      const IrMapRect *from = &self->drag_card->rect;
      double x, y;
      const double dashes[] = { 6 / self->zoom, 4 / self->zoom };

      ir_map_canvas_to_map (self, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy,
                            &x, &y);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1.0);
      cairo_set_line_width (cr, 2.5 / self->zoom);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, from->x + from->width, from->y + from->height / 2);
      cairo_line_to (cr, x, y);
      cairo_stroke (cr);
      cairo_arc (cr, x, y, 5 / self->zoom, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

/* --- simplified cards ----------------------------------------------------- */

static void
draw_simple_card (IrMapCanvas     *self,
                  GtkSnapshot     *snapshot,
                  IrMapCanvasCard *card,
                  gboolean         dark)
{
  const IrMapRect *r = &card->rect;
  gboolean dimmed = ir_map_card_get_dimmed (card->card);
  gboolean left = g_strcmp0 (ir_entity_get_string (card->entity, "status"), "left") == 0;
  double alpha = 1.0;
  IrMapColor stance = ir_map_stance_color (ir_entity_get_string (card->entity, "stance"));
  GdkRGBA body = dark ? (GdkRGBA) { 0.22, 0.22, 0.24, alpha } : (GdkRGBA) { 1, 1, 1, alpha };
  GdkRGBA edge = rgba_of (stance, alpha);
  float weight = 2.0 + ir_entity_get_int (card->entity, "influence") * 1.2;

  if (dimmed)
    alpha = 0.25;
  else if (left)
    alpha = 0.55;

  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (r->x - weight / 2, r->y - weight / 2,
                                                                   r->width + weight,
                                                                   r->height + weight));
  gtk_snapshot_append_color (snapshot, &body, &GRAPHENE_RECT_INIT (r->x + weight / 2, r->y + weight / 2,
                                                                   r->width - weight,
                                                                   r->height - weight));
  if (card->color >= 0)
    {
      GdkRGBA band = rgba_of (ir_map_department_color (card->color), alpha);

      gtk_snapshot_append_color (snapshot, &band,
                                 &GRAPHENE_RECT_INIT (r->x + weight / 2, r->y + weight / 2,
                                                      r->width - weight, BAND_HEIGHT * 3));
    }

  if (self->zoom >= NAME_ZOOM)
    {
      GdkRGBA ink = dark ? (GdkRGBA) { 1, 1, 1, alpha } : (GdkRGBA) { 0.13, 0.15, 0.18, alpha };

      if (card->name_layout == NULL)
        {
          PangoAttrList *attributes = pango_attr_list_new ();
          const char *name = ir_entity_get_string (card->entity, "name");

          card->name_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name ? name : "");
          pango_attr_list_insert (attributes, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_attr_list_insert (attributes, pango_attr_size_new_absolute (34 * PANGO_SCALE));
          pango_layout_set_attributes (card->name_layout, attributes);
          pango_layout_set_width (card->name_layout, (int) ((r->width - 28) * PANGO_SCALE));
          pango_layout_set_ellipsize (card->name_layout, PANGO_ELLIPSIZE_END);
          pango_attr_list_unref (attributes);
        }

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (r->x + 14, r->y + 40));
      gtk_snapshot_append_layout (snapshot, card->name_layout, &ink);
      gtk_snapshot_restore (snapshot);
    }
}

static void
draw_highlight (GtkSnapshot     *snapshot,
                IrMapCanvasCard *card,
                double           zoom)
{
  float width = 3.0 / zoom;
  GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
  GdkRGBA colors[4] = { accent, accent, accent, accent };
  float widths[4] = { width, width, width, width };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline,
                                   &GRAPHENE_RECT_INIT (card->rect.x - 3 * width,
                                                        card->rect.y - 3 * width,
                                                        card->rect.width + 6 * width,
                                                        card->rect.height + 6 * width), 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* --- snapshot ------------------------------------------------------------- */

void
ir_map_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t view = GRAPHENE_RECT_INIT (self->view_x, self->view_y,
                                             width / self->zoom, height / self->zoom);
  gboolean simplified = ir_map_canvas_is_simplified (self);
  gboolean dark = is_dark ();
  GtkWidget *focus = gtk_widget_get_focus_child (widget);

  g_autoptr(GPtrArray) frames = collect_frames (self);

  draw_grid (self, snapshot, width, height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->view_x, -self->view_y));
  draw_departments (self, snapshot, &view, frames);
  gtk_snapshot_restore (snapshot);

  draw_links (self, snapshot, &view, width, height);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->view_x, -self->view_y));

  if (simplified)
    {
      for (guint i = 0; i < self->card_list->len; i++)
        {
          IrMapCanvasCard *card = self->card_list->pdata[i];

          if (rect_in_view (&card->rect, &view))
            draw_simple_card (self, snapshot, card, dark);
        }

      for (guint i = 0; i < self->card_list->len; i++)
        {
          IrMapCanvasCard *card = self->card_list->pdata[i];

          if (g_strcmp0 (self->selected, ir_map_card_get_id (card->card)) == 0 ||
              GTK_WIDGET (card->card) == focus || card == self->link_target)
            draw_highlight (snapshot, card, self->zoom);
        }
    }
  gtk_snapshot_restore (snapshot);

  if (!simplified)
    {
      /* The card being dragged goes on top. */
      for (guint i = 0; i < self->card_list->len; i++)
        {
          IrMapCanvasCard *card = self->card_list->pdata[i];

          if (card != self->drag_card && rect_in_view (&card->rect, &view))
            gtk_widget_snapshot_child (widget, GTK_WIDGET (card->card), snapshot);
        }
      if (self->drag_card != NULL)
        gtk_widget_snapshot_child (widget, GTK_WIDGET (self->drag_card->card), snapshot);
    }

  if (self->zoom < LABEL_ZOOM)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_scale (snapshot, self->zoom, self->zoom);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-self->view_x, -self->view_y));
      draw_department_labels (self, snapshot, &view, frames);
      gtk_snapshot_restore (snapshot);
    }
}
