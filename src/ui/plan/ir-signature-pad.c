/* ir-signature-pad.c: a pad to sign on with the mouse, a pen or a finger
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pad records each stroke as points in its own coordinates and turns
 * them into a PNG with a white background, which becomes the evidence
 * blob of a customer confirmation.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-signature-pad.h"

/* The PNG is drawn at twice the pad's size, so that a printout is sharp. */
#define PNG_SCALE 2.0
#define INK_WIDTH 2.4

struct _IrSignaturePad
{
  GtkWidget  parent_instance;

  GPtrArray *strokes;   /* GArray of graphene_point_t */
  GArray    *current;   /* the stroke being drawn, in strokes */
  double     start_x;
  double     start_y;
};

enum {
  PROP_0,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (IrSignaturePad, ir_signature_pad, GTK_TYPE_WIDGET)

/* --- drawing -------------------------------------------------------------- */

static void
draw_strokes (IrSignaturePad *self,
              cairo_t        *cr)
{
  cairo_set_line_width (cr, INK_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, 0.05, 0.08, 0.25);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);

      for (guint j = 0; j < stroke->len; j++)
        {
          graphene_point_t *point = &g_array_index (stroke, graphene_point_t, j);

          if (j == 0)
            {
              cairo_move_to (cr, point->x, point->y);
              /* A dot, for a stroke of one point. */
              cairo_line_to (cr, point->x + 0.1, point->y);
            }
          else
            {
              cairo_line_to (cr, point->x, point->y);
            }
        }
      cairo_stroke (cr);
    }
}

static void
ir_signature_pad_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  IrSignaturePad *self = IR_SIGNATURE_PAD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  GdkRGBA paper = { 1, 1, 1, 1 };
  GdkRGBA rule = { 0.6, 0.6, 0.65, 1 };
  cairo_t *cr;

  gtk_snapshot_append_color (snapshot, &paper, &bounds);
  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (24, height * 0.72, MAX (0, width - 48), 1));

  if (self->strokes->len == 0)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (widget, _("Sign here"));
      GdkRGBA hint = { 0.55, 0.55, 0.6, 1 };

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (28, height * 0.72 - 24));
      gtk_snapshot_append_layout (snapshot, layout, &hint);
      gtk_snapshot_restore (snapshot);
      g_object_unref (layout);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  draw_strokes (self, cr);
  cairo_destroy (cr);
}

/* --- input ---------------------------------------------------------------- */

static void
add_point (IrSignaturePad *self,
           double          x,
           double          y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  if (self->current == NULL)
    return;

  g_array_append_val (self->current, point);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               IrSignaturePad *self)
{
  gboolean was_empty = self->strokes->len == 0;

  self->current = g_array_new (FALSE, FALSE, sizeof (graphene_point_t));
  g_ptr_array_add (self->strokes, self->current);
  self->start_x = x;
  self->start_y = y;
  add_point (self, x, y);

  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                IrSignaturePad *self)
{
  add_point (self, self->start_x + dx, self->start_y + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             IrSignaturePad *self)
{
  self->current = NULL;
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_signature_pad_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 180;
}

static void
ir_signature_pad_finalize (GObject *object)
{
  IrSignaturePad *self = IR_SIGNATURE_PAD (object);

  g_ptr_array_unref (self->strokes);

  G_OBJECT_CLASS (ir_signature_pad_parent_class)->finalize (object);
}

static void
ir_signature_pad_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IrSignaturePad *self = IR_SIGNATURE_PAD (object);

  switch (prop_id)
    {
    case PROP_EMPTY:
      g_value_set_boolean (value, ir_signature_pad_is_empty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_signature_pad_class_init (IrSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ir_signature_pad_finalize;
  object_class->get_property = ir_signature_pad_get_property;
  widget_class->measure = ir_signature_pad_measure;
  widget_class->snapshot = ir_signature_pad_snapshot;

  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "signaturepad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ir_signature_pad_init (IrSignaturePad *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Signature pad"), -1);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_signature_pad_new (void)
{
  return g_object_new (IR_TYPE_SIGNATURE_PAD, NULL);
}

void
ir_signature_pad_clear (IrSignaturePad *self)
{
  g_return_if_fail (IR_IS_SIGNATURE_PAD (self));

  if (self->strokes->len == 0)
    return;

  g_ptr_array_set_size (self->strokes, 0);
  self->current = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

gboolean
ir_signature_pad_is_empty (IrSignaturePad *self)
{
  g_return_val_if_fail (IR_IS_SIGNATURE_PAD (self), TRUE);

  return self->strokes->len == 0;
}

/* Adds a stroke as if it had been drawn, in the pad's coordinates. */
void
ir_signature_pad_add_stroke (IrSignaturePad         *self,
                             const graphene_point_t *points,
                             guint                   n_points)
{
  GArray *stroke;
  gboolean was_empty;

  g_return_if_fail (IR_IS_SIGNATURE_PAD (self));
  g_return_if_fail (n_points > 0);

  was_empty = self->strokes->len == 0;
  stroke = g_array_sized_new (FALSE, FALSE, sizeof (graphene_point_t), n_points);
  g_array_append_vals (stroke, points, n_points);
  g_ptr_array_add (self->strokes, stroke);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (was_empty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
}

static cairo_status_t
append_bytes_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * ir_signature_pad_to_png:
 *
 * Draws the signature in ink on white, at twice the pad's size.
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
ir_signature_pad_to_png (IrSignaturePad  *self,
                         GError         **error)
{
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 480);
  int height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 180);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (IR_IS_SIGNATURE_PAD (self), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * PNG_SCALE,
                                        height * PNG_SCALE);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  draw_strokes (self, cr);
  cairo_destroy (cr);

  status = cairo_surface_write_to_png_stream (surface, append_bytes_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save the signature as an image: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}
