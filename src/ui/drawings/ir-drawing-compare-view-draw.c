/* ir-drawing-compare-view-draw.c: clouds and ignore regions on the sheets
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each changed region gets a numbered orange revision cloud on the new
 * revision, and on the old one where its content was. Ignore regions are
 * drawn tinted amber, and a drag on the new revision draws a new one while
 * "Ignore an Area…" is on.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-drawing-compare-view-private.h"
#include "ir-markup-layer.h"

/* The gap, in points, between a cloud and the changed pixels it rings. */
#define CLOUD_MARGIN 6

static void
widget_rect (IrPdfView       *view,
             const IrPdfRect *rect,
             double           dx,
             double           dy,
             double           out[4])
{
  ir_pdf_view_page_to_widget (view, rect->x + dx, rect->y + dy, &out[0], &out[1]);
  ir_pdf_view_page_to_widget (view, rect->x + rect->width + dx, rect->y + rect->height + dy,
                              &out[2], &out[3]);
}

static void
draw_ignored (IrDrawingCompareView *self,
              IrPdfView            *view,
              cairo_t              *cr)
{
  static const double dashes[] = { 4, 3 };
  g_autoptr(GArray) rects = ir_drawing_compare_view_get_ignored (self, NULL);

  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < rects->len; i++)
    {
      double box[4];

      widget_rect (view, &g_array_index (rects, IrPdfRect, i), 0, 0, box);
      cairo_rectangle (cr, box[0], box[1], box[2] - box[0], box[3] - box[1]);
      cairo_set_source_rgba (cr, 0.98, 0.77, 0, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.8, 0.55, 0, 0.9);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (self->dragging_ignore && view != IR_PDF_VIEW (self->old_view))
    {
      IrPdfRect rect = {
        MIN (self->ignore_start[0], self->ignore_end[0]),
        MIN (self->ignore_start[1], self->ignore_end[1]),
        fabs (self->ignore_end[0] - self->ignore_start[0]),
        fabs (self->ignore_end[1] - self->ignore_start[1]),
      };
      double box[4];

      widget_rect (view, &rect, 0, 0, box);
      cairo_rectangle (cr, box[0], box[1], box[2] - box[0], box[3] - box[1]);
      cairo_set_source_rgba (cr, 0.8, 0.55, 0, 0.9);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Draws a numbered cloud round each changed region, on the new revision,
 * or on the old one where the region's content was before any offset. */
void
ir_drawing_compare_view_snapshot_regions (IrDrawingCompareView *self,
                                          IrPdfView            *view,
                                          GtkSnapshot          *snapshot)
{
  IrDrawingCompare *compare = self->compare ? *self->compare : NULL;
  GtkWidget *widget = GTK_WIDGET (view);
  double zoom = ir_pdf_view_get_zoom (view);
  double dx = 0, dy = 0;
  GArray *regions;
  cairo_t *cr;

  if (compare == NULL && !self->dragging_ignore)
    return;

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  if (view != IR_PDF_VIEW (self->old_view))
    draw_ignored (self, view, cr);

  if (compare == NULL)
    {
      cairo_destroy (cr);
      return;
    }

  if (view == IR_PDF_VIEW (self->old_view))
    {
      ir_drawing_compare_get_offset (compare, &dx, &dy);
      dx = -dx;
      dy = -dy;
    }

  regions = ir_drawing_compare_get_regions (compare);
  for (guint i = 0; i < regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (regions, IrDrawingRegion, i);
      IrPdfRect cloud = { region->box.x - CLOUD_MARGIN, region->box.y - CLOUD_MARGIN,
                          region->box.width + 2 * CLOUD_MARGIN,
                          region->box.height + 2 * CLOUD_MARGIN };
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      gboolean selected = (int) i == self->selected_region;
      cairo_text_extents_t extents;
      double box[4];

      widget_rect (view, &cloud, dx, dy, box);
      ir_markup_draw_cloud (cr, box[0], box[1], box[2] - box[0], box[3] - box[1],
                            CLAMP (12 * zoom, 7, 22));
      cairo_set_source_rgba (cr, 0.96, 0.47, 0, selected ? 0.16 : 0);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.96, 0.47, 0, 0.95);
      cairo_set_line_width (cr, selected ? 3.5 : 2);
      cairo_stroke (cr);

      /* The region's number, as in the list. */
      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 11);
      cairo_text_extents (cr, number, &extents);
      cairo_rectangle (cr, box[0] - 4, box[1] - extents.height - 10, extents.x_advance + 8,
                       extents.height + 6);
      cairo_set_source_rgba (cr, 0.96, 0.47, 0, 0.95);
      cairo_fill (cr);
      cairo_move_to (cr, box[0], box[1] - 7);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_show_text (cr, number);
    }

  cairo_destroy (cr);
}

/* --- drawing an ignore region --------------------------------------------- */

static void
ignore_toggled_cb (IrDrawingCompareView *self,
                   GtkToggleButton      *button)
{
  gboolean drawing = gtk_toggle_button_get_active (button);

  ir_pdf_view_set_pan_with_primary (IR_PDF_VIEW (self->overlay_view), !drawing);
  ir_pdf_view_set_pan_with_primary (IR_PDF_VIEW (self->new_view), !drawing);
  gtk_widget_set_cursor_from_name (self->overlay_view, drawing ? "crosshair" : NULL);
  gtk_widget_set_cursor_from_name (self->new_view, drawing ? "crosshair" : NULL);
}

static void
ignore_drag_begin_cb (GtkGestureDrag       *gesture,
                      double                x,
                      double                y,
                      IrDrawingCompareView *self)
{
  IrPdfView *view = IR_PDF_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));

  if (!gtk_toggle_button_get_active (self->ignore_button))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  ir_pdf_view_widget_to_page (view, x, y, &self->ignore_start[0], &self->ignore_start[1]);
  self->ignore_end[0] = self->ignore_start[0];
  self->ignore_end[1] = self->ignore_start[1];
  self->dragging_ignore = TRUE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
ignore_drag_update_cb (GtkGestureDrag       *gesture,
                       double                dx,
                       double                dy,
                       IrDrawingCompareView *self)
{
  IrPdfView *view = IR_PDF_VIEW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture)));
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  ir_pdf_view_widget_to_page (view, x + dx, y + dy, &self->ignore_end[0], &self->ignore_end[1]);
  gtk_widget_queue_draw (GTK_WIDGET (view));
}

static void
ignore_drag_end_cb (GtkGestureDrag       *gesture,
                    double                dx,
                    double                dy,
                    IrDrawingCompareView *self)
{
  g_autoptr(GError) error = NULL;
  double width = fabs (self->ignore_end[0] - self->ignore_start[0]);
  double height = fabs (self->ignore_end[1] - self->ignore_start[1]);

  self->dragging_ignore = FALSE;
  gtk_toggle_button_set_active (self->ignore_button, FALSE);

  if (width >= 2 && height >= 2 &&
      !ir_drawing_compare_view_add_ignore_region (self,
                                                  MIN (self->ignore_start[0], self->ignore_end[0]),
                                                  MIN (self->ignore_start[1], self->ignore_end[1]),
                                                  width, height, &error))
    g_warning ("Failed to add an ignore region to drawing %s: %s", self->drawing, error->message);

  gtk_widget_queue_draw (self->overlay_view);
  gtk_widget_queue_draw (self->new_view);
}

static void
add_ignore_gesture (IrDrawingCompareView *self,
                    GtkWidget            *view)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (drag), GTK_PHASE_CAPTURE);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (ignore_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (ignore_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (ignore_drag_end_cb), self);
  gtk_widget_add_controller (view, GTK_EVENT_CONTROLLER (drag));
}

void
ir_drawing_compare_view_init_drawing (IrDrawingCompareView *self)
{
  g_signal_connect_object (self->ignore_button, "toggled",
                           G_CALLBACK (ignore_toggled_cb), self, G_CONNECT_SWAPPED);
  add_ignore_gesture (self, self->overlay_view);
  add_ignore_gesture (self, self->new_view);
}
