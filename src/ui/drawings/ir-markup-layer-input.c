/* ir-markup-layer-input.c: drags on the page that make and change markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With the select tool, a drag on a markup moves it, a drag on a handle of
 * the selected markup resizes it, and a drag elsewhere pans the page. A
 * click selects.
 * With a drawing tool, a drag draws the markup and a click places one of a
 * default size. Shift and the middle button stay with the view, which
 * zooms to a rectangle or pans.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-markup-layer-private.h"

/* A drag shorter than this, in pixels, is a click. */
#define CLICK_DISTANCE 4

/* The smallest side of a resized box, in points. */
#define MIN_SIDE 2

static void
get_default_size (IrMarkupTool  tool,
                  double       *width,
                  double       *height)
{
  switch (tool)
    {
    case IR_MARKUP_TOOL_TEXT:
      *width = 140;
      *height = 36;
      break;

    case IR_MARKUP_TOOL_STAMP:
      *width = 120;
      *height = 44;
      break;

    default:
      *width = 60;
      *height = 40;
    }
}

static void
update_current (IrMarkupLayer  *self,
                GtkGestureDrag *gesture,
                double          dx,
                double          dy)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  ir_pdf_view_widget_to_page (self->view, x + dx, y + dy, &self->current_x, &self->current_y);
}

/* Returns the geometry of @item with its handle @handle dragged to the
 * current point. */
static JsonNode *
resize_geometry (IrMarkupLayer *self,
                 IrMarkupItem  *item,
                 int            handle)
{
  JsonNode *geometry = ir_entity_get_value (item->placement, "geometry");
  g_autoptr(GArray) points = NULL;
  IrPdfRect from, to;
  double fixed_x, fixed_y;

  if (g_strcmp0 (ir_entity_get_string (item->markup, "kind"), "arrow") == 0)
    {
      points = ir_markup_geometry_get_points (geometry);
      if (points == NULL || (guint) (2 * handle + 1) >= points->len)
        return NULL;

      g_array_index (points, double, 2 * handle) = self->current_x;
      g_array_index (points, double, 2 * handle + 1) = self->current_y;
      return ir_markup_geometry_new_points ((const double *) points->data, points->len / 2, 0);
    }

  if (!ir_markup_geometry_get_bounds (geometry, &from))
    return NULL;

  /* Handles go round from the top-left corner; the opposite one stays. */
  fixed_x = (handle == 1 || handle == 2) ? from.x : from.x + from.width;
  fixed_y = (handle == 2 || handle == 3) ? from.y : from.y + from.height;
  to.x = MIN (fixed_x, self->current_x);
  to.y = MIN (fixed_y, self->current_y);
  to.width = MAX (fabs (self->current_x - fixed_x), MIN_SIDE);
  to.height = MAX (fabs (self->current_y - fixed_y), MIN_SIDE);

  /* A stroke with no height or width keeps it. */
  if (from.width <= 0)
    to.width = 0;
  if (from.height <= 0)
    to.height = 0;

  return ir_markup_geometry_fit (geometry, &from, &to);
}

/* --- gesture -------------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               IrMarkupLayer  *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  IrMarkupItem *item;

  if ((state & GDK_SHIFT_MASK) || self->revision == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  ir_pdf_view_widget_to_page (self->view, x, y, &self->start_x, &self->start_y);
  self->current_x = self->start_x;
  self->current_y = self->start_y;
  g_clear_pointer (&self->preview, json_node_unref);
  g_clear_pointer (&self->stroke, g_array_unref);

  if (self->tool != IR_MARKUP_TOOL_SELECT)
    {
      self->action = IR_MARKUP_ACTION_CREATE;
      if (self->tool == IR_MARKUP_TOOL_FREEHAND)
        {
          self->stroke = g_array_new (FALSE, FALSE, sizeof (double));
          g_array_append_val (self->stroke, self->start_x);
          g_array_append_val (self->stroke, self->start_y);
        }
    }
  else if ((item = ir_markup_layer_find_selected (self)) != NULL &&
           (self->handle = ir_markup_layer_hit_handle (self, item, x, y)) >= 0)
    self->action = IR_MARKUP_ACTION_RESIZE;
  else if ((item = ir_markup_layer_hit_item (self, x, y)) != NULL)
    {
      self->action = IR_MARKUP_ACTION_MOVE;
      ir_markup_layer_set_selected (self, ir_entity_get_id (item->markup));
    }
  else
    {
      self->action = IR_MARKUP_ACTION_PAN;
      ir_pdf_view_begin_pan (self->view);
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                IrMarkupLayer  *self)
{
  IrMarkupItem *item = ir_markup_layer_find_selected (self);

  update_current (self, gesture, dx, dy);

  switch (self->action)
    {
    case IR_MARKUP_ACTION_PAN:
      ir_pdf_view_update_pan (self->view, dx, dy);
      return;

    case IR_MARKUP_ACTION_MOVE:
      if (item == NULL)
        return;
      g_clear_pointer (&self->preview, json_node_unref);
      self->preview = ir_markup_geometry_translate (ir_entity_get_value (item->placement,
                                                                         "geometry"),
                                                    self->current_x - self->start_x,
                                                    self->current_y - self->start_y);
      break;

    case IR_MARKUP_ACTION_RESIZE:
      if (item == NULL)
        return;
      g_clear_pointer (&self->preview, json_node_unref);
      self->preview = resize_geometry (self, item, self->handle);
      break;

    case IR_MARKUP_ACTION_CREATE:
      if (self->stroke != NULL)
        {
          g_array_append_val (self->stroke, self->current_x);
          g_array_append_val (self->stroke, self->current_y);
        }
      break;

    case IR_MARKUP_ACTION_NONE:
    default:
      return;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
finish_create (IrMarkupLayer *self,
               gboolean       moved)
{
  g_autoptr(GError) error = NULL;
  IrPdfRect box;

  if (!moved && (self->tool == IR_MARKUP_TOOL_ARROW || self->tool == IR_MARKUP_TOOL_FREEHAND))
    return;

  if (self->tool == IR_MARKUP_TOOL_ARROW || self->tool == IR_MARKUP_TOOL_PIN)
    box = (IrPdfRect) { self->start_x, self->start_y,
                        self->current_x - self->start_x, self->current_y - self->start_y };
  else if (moved)
    box = (IrPdfRect) { MIN (self->start_x, self->current_x),
                        MIN (self->start_y, self->current_y),
                        fabs (self->current_x - self->start_x),
                        fabs (self->current_y - self->start_y) };
  else
    {
      get_default_size (self->tool, &box.width, &box.height);
      box.x = self->start_x - box.width / 2;
      box.y = self->start_y - box.height / 2;
    }

  if (!ir_markup_layer_create (self, self->tool, &box, &error))
    ir_markup_layer_report (self, error);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             IrMarkupLayer  *self)
{
  gboolean moved = hypot (dx, dy) >= CLICK_DISTANCE;
  IrMarkupItem *item = ir_markup_layer_find_selected (self);
  g_autoptr(GError) error = NULL;
  IrMarkupAction action = self->action;

  update_current (self, gesture, dx, dy);
  self->action = IR_MARKUP_ACTION_NONE;

  switch (action)
    {
    case IR_MARKUP_ACTION_PAN:
      if (!moved)
        ir_markup_layer_set_selected (self, NULL);
      break;

    case IR_MARKUP_ACTION_MOVE:
    case IR_MARKUP_ACTION_RESIZE:
      if (moved && item != NULL && self->preview != NULL &&
          !ir_markup_set_geometry (self->store, ir_entity_get_id (item->placement),
                                   self->preview, &error))
        ir_markup_layer_report (self, error);
      break;

    case IR_MARKUP_ACTION_CREATE:
      finish_create (self, moved);
      break;

    case IR_MARKUP_ACTION_NONE:
    default:
      break;
    }

  g_clear_pointer (&self->preview, json_node_unref);
  g_clear_pointer (&self->stroke, g_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                IrMarkupLayer    *self)
{
  self->action = IR_MARKUP_ACTION_NONE;
  g_clear_pointer (&self->preview, json_node_unref);
  g_clear_pointer (&self->stroke, g_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

void
ir_markup_layer_init_input (IrMarkupLayer *self)
{
  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (self->drag));
}
