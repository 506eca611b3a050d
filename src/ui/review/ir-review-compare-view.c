/* ir-review-compare-view.c: a compared sheet drawn large, changes boxed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overlay that the compare core rendered (removed ink red, added ink
 * blue, the rest grey) is drawn to fit the widget, and every changed
 * region gets a thick numbered box, so that the room can say "change 3"
 * and everyone finds it. The numbers match the list beside the view.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-review-compare-view.h"

/* A region's box, in pixels outside the change, so that thin lines of
 * the drawing stay visible inside it. */
#define BOX_MARGIN 8.0
#define BOX_WIDTH  5.0

/* Radius of the numbered disc at a box's corner, in pixels. */
#define BADGE_RADIUS 17.0

struct _IrReviewCompareView
{
  GtkWidget   parent_instance;

  GdkTexture *texture;
  double      page_width;     /* points */
  double      page_height;
  GArray     *regions;        /* IrDrawingRegion */
};

G_DEFINE_FINAL_TYPE (IrReviewCompareView, ir_review_compare_view, GTK_TYPE_WIDGET)

/* --- drawing -------------------------------------------------------------- */

static GdkTexture *
texture_from_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Returns where the page lies in the widget, fitted and centred. */
static graphene_rect_t
page_bounds (IrReviewCompareView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = MIN (width / self->page_width, height / self->page_height);
  graphene_rect_t bounds;

  graphene_rect_init (&bounds, (width - self->page_width * scale) / 2,
                      (height - self->page_height * scale) / 2,
                      self->page_width * scale, self->page_height * scale);
  return bounds;
}

static void
append_box (GtkSnapshot           *snapshot,
            const graphene_rect_t *box,
            const GdkRGBA         *color)
{
  GskRoundedRect outline;
  const float widths[4] = { BOX_WIDTH, BOX_WIDTH, BOX_WIDTH, BOX_WIDTH };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, box, 6);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_badge (IrReviewCompareView *self,
              GtkSnapshot         *snapshot,
              double               x,
              double               y,
              guint                number,
              const GdkRGBA       *color)
{
  g_autofree char *text = g_strdup_printf ("%u", number);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  GdkRGBA white = { 1, 1, 1, 1 };
  GskRoundedRect disc;
  graphene_rect_t rect;
  int width, height;

  graphene_rect_init (&rect, x - BADGE_RADIUS, y - BADGE_RADIUS, 2 * BADGE_RADIUS,
                      2 * BADGE_RADIUS);
  gsk_rounded_rect_init_from_rect (&disc, &rect, BADGE_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &disc);
  gtk_snapshot_append_color (snapshot, color, &rect);
  gtk_snapshot_pop (snapshot);

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - width / 2.0, y - height / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

static void
ir_review_compare_view_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  IrReviewCompareView *self = IR_REVIEW_COMPARE_VIEW (widget);
  /* Magenta differs from the overlay's red, blue and grey ink. */
  GdkRGBA box_color = { 0.78, 0.0, 0.55, 1 };
  GdkRGBA frame = { 0, 0, 0, 1 };
  graphene_rect_t bounds;
  double scale;

  if (self->texture == NULL || self->page_width <= 0 || self->page_height <= 0)
    return;

  bounds = page_bounds (self);
  scale = bounds.size.width / self->page_width;
  gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
  append_box (snapshot, &bounds, &frame);

  for (guint i = 0; i < self->regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (self->regions, IrDrawingRegion, i);
      graphene_rect_t box;

      graphene_rect_init (&box,
                          bounds.origin.x + region->box.x * scale - BOX_MARGIN,
                          bounds.origin.y + region->box.y * scale - BOX_MARGIN,
                          region->box.width * scale + 2 * BOX_MARGIN,
                          region->box.height * scale + 2 * BOX_MARGIN);
      append_box (snapshot, &box, &box_color);
      append_badge (self, snapshot, box.origin.x, box.origin.y, i + 1, &box_color);
    }
}

static GtkSizeRequestMode
ir_review_compare_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
ir_review_compare_view_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1200 : 800;
}

/* --- class ---------------------------------------------------------------- */

static void
ir_review_compare_view_finalize (GObject *object)
{
  IrReviewCompareView *self = IR_REVIEW_COMPARE_VIEW (object);

  g_clear_object (&self->texture);
  g_array_unref (self->regions);

  G_OBJECT_CLASS (ir_review_compare_view_parent_class)->finalize (object);
}

static void
ir_review_compare_view_class_init (IrReviewCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ir_review_compare_view_finalize;
  widget_class->snapshot = ir_review_compare_view_snapshot;
  widget_class->measure = ir_review_compare_view_measure;
  widget_class->get_request_mode = ir_review_compare_view_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "compareview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ir_review_compare_view_init (IrReviewCompareView *self)
{
  self->regions = g_array_new (FALSE, FALSE, sizeof (IrDrawingRegion));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_review_compare_view_new (void)
{
  return g_object_new (IR_TYPE_REVIEW_COMPARE_VIEW, NULL);
}

/**
 * ir_review_compare_view_set_sheet:
 * @sheet: (nullable): a compared sheet, or %NULL to show nothing
 *
 * Shows @sheet's overlay with its regions. The view copies what it draws.
 */
void
ir_review_compare_view_set_sheet (IrReviewCompareView *self,
                                  const IrReviewSheet *sheet)
{
  g_autofree char *description = NULL;

  g_return_if_fail (IR_IS_REVIEW_COMPARE_VIEW (self));

  g_clear_object (&self->texture);
  g_array_set_size (self->regions, 0);
  self->page_width = self->page_height = 0;

  if (sheet != NULL && sheet->overlay != NULL)
    {
      self->texture = texture_from_surface (sheet->overlay);
      self->page_width = sheet->width;
      self->page_height = sheet->height;
      g_array_append_vals (self->regions, sheet->regions->data, sheet->regions->len);
    }

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The new revision over the old one, with %u "
                                              "changed area boxed",
                                              "The new revision over the old one, with %u "
                                              "changed areas boxed", self->regions->len),
                                 self->regions->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ir_review_compare_view_get_n_regions (IrReviewCompareView *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_COMPARE_VIEW (self), 0);

  return self->regions->len;
}
