/* ir-pdf-view-input.c: panning and zooming the page view
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrolling pans through the scrolled window around the view. Ctrl+scroll
 * and a pinch zoom about the pointer. A drag with the middle button pans,
 * and Shift with a drag of the primary button zooms to the rectangle
 * dragged. The primary button alone is left to markup tools unless
 * ir_pdf_view_set_pan_with_primary() hands it to panning.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-pdf-view-private.h"

/* One notch of a mouse wheel zooms by this factor. */
#define WHEEL_ZOOM_STEP 1.2

/* A zoom rectangle smaller than this, in pixels, is a click. */
#define MIN_ZOOM_RECT 8

/* --- pointer and scrolling ------------------------------------------------ */

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           IrPdfView                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           IrPdfView                *self)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;

  ir_pdf_view_zoom_at (self, pow (WHEEL_ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

/* --- pinch ---------------------------------------------------------------- */

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                IrPdfView        *self)
{
  self->pinch_start_zoom = ir_pdf_view_get_zoom (self);
}

static void
pinch_scale_changed_cb (GtkGestureZoom *gesture,
                        double          scale,
                        IrPdfView      *self)
{
  double x, y;
  double zoom = ir_pdf_view_get_zoom (self);

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  ir_pdf_view_zoom_at (self, self->pinch_start_zoom * scale / zoom, x, y);
}

/* --- dragging ------------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               IrPdfView      *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (button == GDK_BUTTON_PRIMARY && (state & GDK_SHIFT_MASK))
    {
      self->selecting_zoom = TRUE;
      self->zoom_rect[0] = self->zoom_rect[2] = x;
      self->zoom_rect[1] = self->zoom_rect[3] = y;
    }
  else if (button == GDK_BUTTON_MIDDLE ||
           (button == GDK_BUTTON_PRIMARY && self->pan_with_primary))
    {
      self->panning = TRUE;
      ir_pdf_view_begin_pan (self);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  else
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                IrPdfView      *self)
{
  if (self->panning)
    ir_pdf_view_update_pan (self, dx, dy);

  if (self->selecting_zoom)
    {
      self->zoom_rect[2] = self->zoom_rect[0] + dx;
      self->zoom_rect[3] = self->zoom_rect[1] + dy;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             IrPdfView      *self)
{
  if (self->selecting_zoom && fabs (dx) >= MIN_ZOOM_RECT && fabs (dy) >= MIN_ZOOM_RECT)
    {
      double x0, y0, x1, y1;
      IrPdfRect rect;

      ir_pdf_view_widget_to_page (self, self->zoom_rect[0], self->zoom_rect[1], &x0, &y0);
      ir_pdf_view_widget_to_page (self, self->zoom_rect[0] + dx, self->zoom_rect[1] + dy,
                                  &x1, &y1);
      rect = (IrPdfRect) { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };
      ir_pdf_view_zoom_to_rect (self, &rect);
    }

  if (self->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  self->panning = FALSE;
  self->selecting_zoom = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- actions -------------------------------------------------------------- */

static void
zoom_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrPdfView *self = IR_PDF_VIEW (widget);

  ir_pdf_view_zoom_at (self, g_variant_get_double (parameter),
                       gtk_widget_get_width (widget) / 2.0,
                       gtk_widget_get_height (widget) / 2.0);
}

static void
fit_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrPdfView *self = IR_PDF_VIEW (widget);
  const char *mode = g_variant_get_string (parameter, NULL);

  if (self->model == NULL)
    return;

  ir_pdf_document_model_set_sizing_mode (self->model,
                                         g_str_equal (mode, "width") ? IR_PDF_SIZING_FIT_WIDTH
                                                                     : IR_PDF_SIZING_FIT_PAGE);
}

static void
page_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrPdfView *self = IR_PDF_VIEW (widget);

  if (self->model == NULL)
    return;

  ir_pdf_document_model_set_page (self->model, ir_pdf_document_model_get_page (self->model) +
                                  g_variant_get_int32 (parameter));
}

static void
scroll_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrPdfView *self = IR_PDF_VIEW (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                            dx * gtk_adjustment_get_page_size (self->hadjustment));
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) +
                            dy * gtk_adjustment_get_page_size (self->vadjustment));
}

/* --- set-up --------------------------------------------------------------- */

void
ir_pdf_view_class_init_input (GtkWidgetClass *widget_class)
{
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };
  static const struct
  {
    guint  key;
    double dx;
    double dy;
  } scroll_keys[] = {
    { GDK_KEY_Left, -0.1, 0 }, { GDK_KEY_Right, 0.1, 0 },
    { GDK_KEY_Up, 0, -0.1 }, { GDK_KEY_Down, 0, 0.1 },
  };

  gtk_widget_class_install_action (widget_class, "pdf.zoom", "d", zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "pdf.fit", "s", fit_activated_cb);
  gtk_widget_class_install_action (widget_class, "pdf.page", "i", page_activated_cb);
  gtk_widget_class_install_action (widget_class, "pdf.scroll", "(dd)", scroll_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (zoom_in_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], 0,
                                           "pdf.zoom", "d", WHEEL_ZOOM_STEP);
      gtk_widget_class_add_binding_action (widget_class, zoom_in_keys[i], GDK_CONTROL_MASK,
                                           "pdf.zoom", "d", WHEEL_ZOOM_STEP);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zoom_out_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], 0,
                                           "pdf.zoom", "d", 1 / WHEEL_ZOOM_STEP);
      gtk_widget_class_add_binding_action (widget_class, zoom_out_keys[i], GDK_CONTROL_MASK,
                                           "pdf.zoom", "d", 1 / WHEEL_ZOOM_STEP);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "pdf.fit", "s", "page");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "pdf.fit", "s", "page");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "pdf.fit", "s", "width");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "pdf.page", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "pdf.page", "i", -1);
  for (guint i = 0; i < G_N_ELEMENTS (scroll_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, scroll_keys[i].key, 0, "pdf.scroll",
                                         "(dd)", scroll_keys[i].dx, scroll_keys[i].dy);
}

void
ir_pdf_view_init_input (IrPdfView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll =
    gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();

  g_signal_connect (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}
