/* ir-map-canvas-input.c: pan, zoom, dragging cards and drawing links
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drag gesture does three things, by where it starts: on a card's link
 * handle it draws a link, on a card it moves the card (saved on release),
 * on the background it pans. Scrolling pans, Ctrl+scroll and a touchpad
 * pinch zoom, and the keyboard does all of it too: + and − zoom, 0 fits,
 * the arrows pan, Alt+arrows move the focused card, Delete moves it to the
 * trash.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-map-canvas-private.h"

#define DRAG_THRESHOLD  4.0    /* pixels before a press becomes a drag */
#define ZOOM_STEP       1.25
#define PAN_STEP        80.0   /* pixels per arrow key */
#define WHEEL_STEP      60.0   /* pixels per wheel notch */
#define NUDGE_STEP      16.0   /* map units per Alt+arrow */

typedef struct
{
  double x;
  double y;
} Pointer;

static GQuark pointer_quark;

/* --- helpers -------------------------------------------------------------- */

static Pointer *
get_pointer (IrMapCanvas *self)
{
  Pointer *pointer = g_object_get_qdata (G_OBJECT (self), pointer_quark);

  if (pointer == NULL)
    {
      pointer = g_new0 (Pointer, 1);
      pointer->x = -1;
      g_object_set_qdata_full (G_OBJECT (self), pointer_quark, pointer, g_free);
    }

  return pointer;
}

static gboolean
has_moved (IrMapCanvas *self)
{
  return hypot (self->drag_dx, self->drag_dy) >= DRAG_THRESHOLD;
}

static const char *
card_name (IrMapCanvasCard *card)
{
  const char *name = ir_entity_get_string (card->entity, "name");

  return name && name[0] ? name : _("Unnamed");
}

static void
set_link_target (IrMapCanvas     *self,
                 IrMapCanvasCard *target)
{
  if (self->link_target == target)
    return;

  if (self->link_target != NULL)
    ir_map_card_set_link_target (self->link_target->card, FALSE);
  self->link_target = target;
  if (target != NULL)
    ir_map_card_set_link_target (target->card, TRUE);
}

/* --- link popover --------------------------------------------------------- */

static void
popover_closed_cb (IrMapCanvas *self,
                   GtkPopover  *popover)
{
  set_link_target (self, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GtkWidget *
kind_button_new (const char *label,
                 const char *source,
                 const char *target,
                 const char *kind)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, kind);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "canvas.add-link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sss)", source, target, kind);

  return button;
}

/* Asks what kind of link joins the two cards, at the point of the drop. */
static void
show_link_popover (IrMapCanvas     *self,
                   IrMapCanvasCard *source,
                   IrMapCanvasCard *target,
                   double           x,
                   double           y)
{
  const char *from = ir_map_card_get_id (source->card);
  const char *to = ir_map_card_get_id (target->card);
  g_autofree char *heading = NULL;
  g_autofree char *reports = NULL;
  g_autofree char *influences = NULL;
  GtkWidget *box, *label;

  g_clear_pointer (&self->link_popover, gtk_widget_unparent);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* Translators: heading of the menu that opens when a link is dropped. */
  heading = g_strdup_printf (_("Link %s to %s"), card_name (source), card_name (target));
  label = gtk_label_new (heading);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_bottom (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: a choice when drawing a link; %s are two stakeholders. */
  reports = g_strdup_printf (_("%s reports to %s"), card_name (source), card_name (target));
  gtk_box_append (GTK_BOX (box), kind_button_new (reports, from, to, "reports_to"));
  /* Translators: a choice when drawing a link; %s are two stakeholders. */
  influences = g_strdup_printf (_("%s influences %s"), card_name (source), card_name (target));
  gtk_box_append (GTK_BOX (box), kind_button_new (influences, from, to, "influences"));
  gtk_box_append (GTK_BOX (box), kind_button_new (_("The two are in conflict"), from, to,
                                                  "conflict"));

  self->link_popover = gtk_popover_new ();
  gtk_widget_set_name (self->link_popover, "map-link-popover");
  gtk_popover_set_child (GTK_POPOVER (self->link_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_popover),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_widget_set_parent (self->link_popover, GTK_WIDGET (self));
  g_signal_connect_object (self->link_popover, "closed", G_CALLBACK (popover_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_popup (GTK_POPOVER (self->link_popover));
}

/**
 * ir_map_canvas_add_link:
 *
 * Adds a link as the user chose it. A reporting line replaces the person's
 * old one, with a toast about it; a refused link shows the reason in a
 * toast.
 */
gboolean
ir_map_canvas_add_link (IrMapCanvas *self,
                        const char  *source,
                        const char  *target,
                        const char  *kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *eid = NULL;

  if (self->link_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->link_popover));

  if (g_strcmp0 (kind, "reports_to") == 0)
    {
      previous = ir_map_find_manager_link (self->store, source);
      eid = ir_map_set_manager (self->store, source, target, &error);
    }
  else
    eid = ir_map_add_link (self->store, source, target, kind, 0, &error);

  if (eid == NULL)
    {
      ir_map_canvas_show_message (self, error ? error->message : _("The link could not be added."));
      return FALSE;
    }

  if (previous != NULL && g_strcmp0 (previous, eid) != 0)
    {
      IrMapCanvasCard *from = ir_map_canvas_lookup (self, source);
      IrMapCanvasCard *to = ir_map_canvas_lookup (self, target);
      g_autofree char *message = NULL;

      /* Translators: after redrawing a reporting line; %s are two people. */
      message = g_strdup_printf (_("%s now reports to %s. Press Ctrl+Z to undo."),
                                 from ? card_name (from) : "", to ? card_name (to) : "");
      ir_map_canvas_show_message (self, message);
    }

  return TRUE;
}

/* --- dragging ------------------------------------------------------------- */

void
ir_map_canvas_drag_begin (IrMapCanvas *self,
                          double       x,
                          double       y)
{
  GtkWidget *picked = NULL;
  IrMapCanvasCard *card = ir_map_canvas_card_at (self, x, y, &picked);

  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->start_view_x = self->view_x;
  self->start_view_y = self->view_y;
  self->drag_card = card;

  if (card == NULL)
    {
      self->drag_mode = IR_MAP_DRAG_PAN;
      gtk_widget_grab_focus (GTK_WIDGET (self));
      return;
    }

  self->start_card_x = card->rect.x;
  self->start_card_y = card->rect.y;
  self->drag_mode = !ir_map_canvas_is_simplified (self) && ir_map_card_is_handle (card->card, picked)
                    ? IR_MAP_DRAG_LINK : IR_MAP_DRAG_MOVE;
}

void
ir_map_canvas_drag_update (IrMapCanvas *self,
                           double       dx,
                           double       dy)
{
  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag_mode)
    {
    case IR_MAP_DRAG_PAN:
      ir_map_canvas_set_view (self, self->start_view_x - dx / self->zoom,
                              self->start_view_y - dy / self->zoom, self->zoom);
      break;

    case IR_MAP_DRAG_MOVE:
      if (!has_moved (self) || self->drag_card == NULL)
        break;
      self->drag_card->rect.x = self->start_card_x + dx / self->zoom;
      self->drag_card->rect.y = self->start_card_y + dy / self->zoom;
      gtk_widget_add_css_class (GTK_WIDGET (self->drag_card->card), "dragging");
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;

    case IR_MAP_DRAG_LINK:
      {
        IrMapCanvasCard *target = ir_map_canvas_card_at (self, self->drag_x + dx,
                                                         self->drag_y + dy, NULL);

        set_link_target (self, target != self->drag_card ? target : NULL);
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case IR_MAP_DRAG_NONE:
    default:
      break;
    }
}

static void
finish_move (IrMapCanvas     *self,
             IrMapCanvasCard *card)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = g_strdup (ir_map_card_get_id (card->card));
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  /* The cards no one placed yet keep where they are shown. */
  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *other = self->card_list->pdata[i];
      IrMapShownPosition *position;

      if (other->stored || other == card)
        continue;
      position = g_new (IrMapShownPosition, 1);
      position->x = other->rect.x;
      position->y = other->rect.y;
      g_hash_table_insert (shown, (gpointer) ir_map_card_get_id (other->card), position);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (card->card), "dragging");
  if (!ir_map_move_card_keeping (self->store, eid, card->rect.x, card->rect.y, shown, &error))
    {
      card->rect.x = self->start_card_x;
      card->rect.y = self->start_card_y;
      ir_map_canvas_show_message (self, error->message);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
ir_map_canvas_drag_end (IrMapCanvas *self,
                        double       dx,
                        double       dy)
{
  IrMapDragMode mode = self->drag_mode;
  IrMapCanvasCard *card = self->drag_card;
  IrMapCanvasCard *target;
  gboolean moved;

  ir_map_canvas_drag_update (self, dx, dy);
  target = self->link_target;
  moved = has_moved (self);
  self->drag_mode = IR_MAP_DRAG_NONE;
  self->drag_card = NULL;

  switch (mode)
    {
    case IR_MAP_DRAG_MOVE:
    case IR_MAP_DRAG_LINK:
      if (card == NULL)
        break;
      if (mode == IR_MAP_DRAG_LINK && moved && target != NULL)
        {
          show_link_popover (self, card, target, self->drag_x + dx, self->drag_y + dy);
          break;
        }
      set_link_target (self, NULL);
      if (mode == IR_MAP_DRAG_MOVE && moved)
        finish_move (self, card);
      else if (!moved)
        {
          g_autofree char *eid = g_strdup (ir_map_card_get_id (card->card));

          ir_map_canvas_select (self, eid, TRUE);
          g_signal_emit_by_name (self, "card-activated", eid);
        }
      break;

    case IR_MAP_DRAG_PAN:
      if (!moved)
        ir_map_canvas_select (self, NULL, FALSE);
      break;

    case IR_MAP_DRAG_NONE:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_begin_cb (IrMapCanvas    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (self->store == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  ir_map_canvas_drag_begin (self, x, y);
}

static void
drag_update_cb (IrMapCanvas    *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (self->drag_mode != IR_MAP_DRAG_NONE)
    ir_map_canvas_drag_update (self, dx, dy);
}

static void
drag_end_cb (IrMapCanvas    *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  if (self->drag_mode != IR_MAP_DRAG_NONE)
    ir_map_canvas_drag_end (self, dx, dy);
}

/* --- scrolling and zooming ------------------------------------------------ */

static void
motion_cb (IrMapCanvas              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  Pointer *pointer = get_pointer (self);

  pointer->x = x;
  pointer->y = y;
}

static gboolean
scroll_cb (IrMapCanvas              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  Pointer *pointer = get_pointer (self);

  if (state & GDK_CONTROL_MASK)
    {
      double x = pointer->x >= 0 ? pointer->x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = pointer->x >= 0 ? pointer->y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
      double factor = pow (wheel ? ZOOM_STEP : 1.01, -dy);

      ir_map_canvas_zoom_at (self, self->zoom * factor, x, y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  ir_map_canvas_set_view (self,
                          self->view_x + dx * (wheel ? WHEEL_STEP : 1.0) / self->zoom,
                          self->view_y + dy * (wheel ? WHEEL_STEP : 1.0) / self->zoom,
                          self->zoom);
  return TRUE;
}

static void
zoom_begin_cb (IrMapCanvas      *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->gesture_zoom = self->zoom;
}

static void
zoom_scale_changed_cb (IrMapCanvas    *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  ir_map_canvas_zoom_at (self, self->gesture_zoom * scale, x, y);
}

static void
double_click_cb (IrMapCanvas     *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  double map_x, map_y;

  if (n_press != 2 || ir_map_canvas_card_at (self, x, y, NULL) != NULL)
    return;

  ir_map_canvas_to_map (self, x, y, &map_x, &map_y);
  g_signal_emit_by_name (self, "background-activated", map_x, map_y);
}

/* --- actions -------------------------------------------------------------- */

static void
zoom_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    ir_map_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    ir_map_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    ir_map_canvas_set_zoom (self, 1.0);
  else
    ir_map_canvas_zoom_to_fit (self);
}

static void
pan_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  ir_map_canvas_set_view (self, self->view_x + dx * PAN_STEP / self->zoom,
                          self->view_y + dy * PAN_STEP / self->zoom, self->zoom);
}

static IrMapCanvasCard *
focused_card (IrMapCanvas *self)
{
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));

  if (focus != NULL && IR_IS_MAP_CARD (focus))
    return ir_map_canvas_lookup (self, ir_map_card_get_id (IR_MAP_CARD (focus)));

  return ir_map_canvas_lookup (self, self->selected);
}

static void
nudge_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);
  IrMapCanvasCard *card = focused_card (self);
  double dx, dy;

  if (card == NULL || self->store == NULL)
    return;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  self->start_card_x = card->rect.x;
  self->start_card_y = card->rect.y;
  card->rect.x += dx * NUDGE_STEP;
  card->rect.y += dy * NUDGE_STEP;
  finish_move (self, card);
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);
  IrMapCanvasCard *card = focused_card (self);

  if (card != NULL)
    gtk_widget_activate_action (widget, "room.trash-item", "(ss)", "stakeholder",
                                ir_map_card_get_id (card->card));
}

static void
add_link_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *source, *target, *kind;

  g_variant_get (parameter, "(&s&s&s)", &source, &target, &kind);
  ir_map_canvas_add_link (IR_MAP_CANVAS (widget), source, target, kind);
}

/* --- set-up --------------------------------------------------------------- */

static void
add_pan_binding (GtkWidgetClass  *widget_class,
                 guint            key,
                 GdkModifierType  modifiers,
                 const char      *action,
                 double           dx,
                 double           dy)
{
  gtk_widget_class_add_binding_action (widget_class, key, modifiers, action, "(dd)", dx, dy);
}

void
ir_map_canvas_class_init_input (GtkWidgetClass *widget_class)
{
  static const struct { guint key; double dx, dy; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
  };

  pointer_quark = g_quark_from_static_string ("ir-map-canvas-pointer");

  /**
   * IrMapCanvas::background-activated:
   * @x: the map point's x
   * @y: the map point's y
   *
   * Emitted on a double click on the map's background.
   */
  g_signal_new ("background-activated", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_LAST,
                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.pan", "(dd)", pan_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "canvas.add-link", "(sss)", add_link_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      add_pan_binding (widget_class, arrows[i].key, 0, "canvas.pan", arrows[i].dx, arrows[i].dy);
      add_pan_binding (widget_class, arrows[i].key, GDK_ALT_MASK, "canvas.nudge",
                       arrows[i].dx, arrows[i].dy);
    }
}

void
ir_map_canvas_init_input (IrMapCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (double_click_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_group (click, drag);

  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
