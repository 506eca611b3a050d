/* ir-map-canvas.c: the decision map's org-chart canvas
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cards are child widgets, placed by size_allocate with a transform for the
 * pan and zoom. Lines, department frames and the simplified cards of a
 * zoomed-out view are drawn in snapshot (ir-map-canvas-draw.c). Input is in
 * ir-map-canvas-input.c, and following the store in ir-map-canvas-store.c.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-map-canvas-private.h"
#include "ir-map-layout.h"
#include "ir-ui-util.h"
#include "ir-window.h"

#define FIT_MARGIN        48.0

G_DEFINE_FINAL_TYPE (IrMapCanvas, ir_map_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED,
  PROP_ZOOM,
  N_PROPS
};

enum {
  SIGNAL_CARD_ACTIVATED,
  SIGNAL_COVERAGE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- GtkWidget ------------------------------------------------------------ */

/* Computes the view that shows every card in @width × @height pixels. */
static void
fit_view (IrMapCanvas *self,
          int          width,
          int          height,
          double      *view_x,
          double      *view_y,
          double      *zoom)
{
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];

      /* Room above the cards for the department frames' names. */
      left = MIN (left, card->rect.x);
      top = MIN (top, card->rect.y - 40);
      right = MAX (right, card->rect.x + card->rect.width);
      bottom = MAX (bottom, card->rect.y + card->rect.height);
    }

  left -= FIT_MARGIN;
  top -= FIT_MARGIN;
  right += FIT_MARGIN;
  bottom += FIT_MARGIN;
  *zoom = MIN (1.0, MIN (width / (right - left), height / (bottom - top)));
  *zoom = CLAMP (*zoom, IR_MAP_CANVAS_MIN_ZOOM, IR_MAP_CANVAS_MAX_ZOOM);
  *view_x = (left + right) / 2 - width / 2.0 / *zoom;
  *view_y = (top + bottom) / 2 - height / 2.0 / *zoom;
}

static gboolean
notify_zoom_cb (gpointer data)
{
  IrMapCanvas *self = data;

  self->notify_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  return G_SOURCE_REMOVE;
}

static void
ir_map_canvas_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 600;
}

static void
ir_map_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);

  /* The first view shows the whole map. Its zoom is announced from an
   * idle, because a label that shows it cannot resize during allocation. */
  if (!self->view_set && self->card_list->len > 0 && width > 1 && height > 1)
    {
      double zoom = self->zoom;

      self->view_set = TRUE;
      fit_view (self, width, height, &self->view_x, &self->view_y, &self->zoom);
      if (zoom != self->zoom && self->notify_id == 0)
        self->notify_id = g_idle_add (notify_zoom_cb, self);
    }

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];
      GskTransform *transform;

      transform = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (
        (card->rect.x - self->view_x) * self->zoom, (card->rect.y - self->view_y) * self->zoom));
      transform = gsk_transform_scale (transform, self->zoom, self->zoom);
      gtk_widget_allocate (GTK_WIDGET (card->card), card->rect.width, card->rect.height, -1,
                           transform);
    }

  if (self->link_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->link_popover));
}

/* Keeps the focused card in view when the keyboard moves to it. */
static void
ir_map_canvas_set_focus_child (GtkWidget *widget,
                               GtkWidget *child)
{
  IrMapCanvas *self = IR_MAP_CANVAS (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  GTK_WIDGET_CLASS (ir_map_canvas_parent_class)->set_focus_child (widget, child);

  if (IR_IS_MAP_CARD (child) && self->drag_mode == IR_MAP_DRAG_NONE)
    {
      IrMapCanvasCard *card = ir_map_canvas_lookup (self, ir_map_card_get_id (IR_MAP_CARD (child)));
      double left = (card->rect.x - self->view_x) * self->zoom;
      double top = (card->rect.y - self->view_y) * self->zoom;
      double right = left + card->rect.width * self->zoom;
      double bottom = top + card->rect.height * self->zoom;

      if (left < 0 || top < 0 || right > width || bottom > height)
        ir_map_canvas_set_view (self,
                                card->rect.x + card->rect.width / 2 - width / 2.0 / self->zoom,
                                card->rect.y + card->rect.height / 2 - height / 2.0 / self->zoom,
                                self->zoom);
    }
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_map_canvas_dispose (GObject *object)
{
  IrMapCanvas *self = IR_MAP_CANVAS (object);

  ir_map_canvas_set_store (self, NULL);
  g_clear_handle_id (&self->notify_id, g_source_remove);
  g_clear_pointer (&self->link_popover, gtk_widget_unparent);

  G_OBJECT_CLASS (ir_map_canvas_parent_class)->dispose (object);
}

static void
ir_map_canvas_finalize (GObject *object)
{
  IrMapCanvas *self = IR_MAP_CANVAS (object);

  g_hash_table_unref (self->cards);
  g_ptr_array_unref (self->card_list);
  g_hash_table_unref (self->links);
  g_hash_table_unref (self->broken);
  g_hash_table_unref (self->changed);
  g_hash_table_unref (self->department_layouts);
  g_array_unref (self->shapes);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->filter, ir_map_filter_free);
  g_free (self->selected);

  G_OBJECT_CLASS (ir_map_canvas_parent_class)->finalize (object);
}

static void
ir_map_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IrMapCanvas *self = IR_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_map_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IrMapCanvas *self = IR_MAP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_map_canvas_set_store (self, g_value_get_object (value));
      break;

    case PROP_SELECTED:
      ir_map_canvas_select (self, g_value_get_string (value), FALSE);
      break;

    case PROP_ZOOM:
      ir_map_canvas_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_map_canvas_class_init (IrMapCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_canvas_dispose;
  object_class->finalize = ir_map_canvas_finalize;
  object_class->get_property = ir_map_canvas_get_property;
  object_class->set_property = ir_map_canvas_set_property;
  widget_class->measure = ir_map_canvas_measure;
  widget_class->size_allocate = ir_map_canvas_size_allocate;
  widget_class->snapshot = ir_map_canvas_snapshot;
  widget_class->set_focus_child = ir_map_canvas_set_focus_child;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, IR_MAP_CANVAS_MIN_ZOOM, IR_MAP_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IrMapCanvas::card-activated:
   * @eid: the stakeholder's id
   *
   * Emitted when the user opens a card: a click, Enter or Space.
   */
  signals[SIGNAL_CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * IrMapCanvas::coverage-changed:
   *
   * Emitted after the canvas computed the room's coverage again.
   */
  signals[SIGNAL_COVERAGE_CHANGED] =
    g_signal_new ("coverage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "mapcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  ir_map_canvas_class_init_input (widget_class);
}

static void
ir_map_canvas_init (IrMapCanvas *self)
{
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) ir_map_canvas_card_free);
  self->card_list = g_ptr_array_new ();
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->broken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->department_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->shapes = g_array_new (FALSE, FALSE, sizeof (IrMapLinkShape));
  self->filter = ir_map_filter_new ();
  self->zoom = 1.0;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "map-canvas");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Decision map"), -1);
  ir_map_canvas_init_input (self);
}

/* --- internal API --------------------------------------------------------- */

IrMapCanvasCard *
ir_map_canvas_lookup (IrMapCanvas *self,
                      const char  *eid)
{
  return eid ? g_hash_table_lookup (self->cards, eid) : NULL;
}

/* Returns the card under the widget point (@x, @y), and the innermost
 * widget there in @picked. */
IrMapCanvasCard *
ir_map_canvas_card_at (IrMapCanvas  *self,
                       double        x,
                       double        y,
                       GtkWidget   **picked)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  if (picked != NULL)
    *picked = widget;

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    if (IR_IS_MAP_CARD (widget))
      return ir_map_canvas_lookup (self, ir_map_card_get_id (IR_MAP_CARD (widget)));

  /* Simplified cards are drawn, not picked: find them by their rectangle. */
  if (ir_map_canvas_is_simplified (self))
    {
      double map_x, map_y;

      ir_map_canvas_to_map (self, x, y, &map_x, &map_y);
      for (guint i = self->card_list->len; i > 0; i--)
        {
          IrMapCanvasCard *card = self->card_list->pdata[i - 1];

          if (map_x >= card->rect.x && map_x <= card->rect.x + card->rect.width &&
              map_y >= card->rect.y && map_y <= card->rect.y + card->rect.height)
            return card;
        }
    }

  return NULL;
}

void
ir_map_canvas_to_map (IrMapCanvas *self,
                      double       x,
                      double       y,
                      double      *map_x,
                      double      *map_y)
{
  *map_x = self->view_x + x / self->zoom;
  *map_y = self->view_y + y / self->zoom;
}

void
ir_map_canvas_set_view (IrMapCanvas *self,
                        double       view_x,
                        double       view_y,
                        double       zoom)
{
  zoom = CLAMP (zoom, IR_MAP_CANVAS_MIN_ZOOM, IR_MAP_CANVAS_MAX_ZOOM);

  self->view_set = TRUE;
  if (view_x == self->view_x && view_y == self->view_y && zoom == self->zoom)
    return;

  self->view_x = view_x;
  self->view_y = view_y;
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Zooms keeping the map point under the widget point (@x, @y) in place. */
void
ir_map_canvas_zoom_at (IrMapCanvas *self,
                       double       zoom,
                       double       x,
                       double       y)
{
  double map_x, map_y;

  zoom = CLAMP (zoom, IR_MAP_CANVAS_MIN_ZOOM, IR_MAP_CANVAS_MAX_ZOOM);
  ir_map_canvas_to_map (self, x, y, &map_x, &map_y);
  ir_map_canvas_set_view (self, map_x - x / zoom, map_y - y / zoom, zoom);
}

void
ir_map_canvas_show_message (IrMapCanvas *self,
                            const char  *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IR_IS_WINDOW (root))
    ir_window_add_toast (IR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_map_canvas_new (void)
{
  return g_object_new (IR_TYPE_MAP_CANVAS, NULL);
}

IrStore *
ir_map_canvas_get_store (IrMapCanvas *self)
{
  g_return_val_if_fail (IR_IS_MAP_CANVAS (self), NULL);

  return self->store;
}

void
ir_map_canvas_set_store (IrMapCanvas *self,
                         IrStore     *store)
{
  g_return_if_fail (IR_IS_MAP_CANVAS (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->entity_changed_id, self->store);
      g_clear_signal_handler (&self->tx_applied_id, self->store);
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->notify_id, g_source_remove);
  self->drag_mode = IR_MAP_DRAG_NONE;
  self->drag_card = self->link_target = NULL;
  g_ptr_array_set_size (self->card_list, 0);
  g_hash_table_remove_all (self->cards);
  g_hash_table_remove_all (self->links);
  g_hash_table_remove_all (self->changed);
  g_array_set_size (self->shapes, 0);
  g_clear_pointer (&self->coverage, ir_map_coverage_free);
  g_clear_pointer (&self->selected, g_free);
  g_set_object (&self->store, store);
  self->view_set = FALSE;
  self->zoom = 1.0;
  self->view_x = self->view_y = 0;

  if (store != NULL)
    ir_map_canvas_watch_store (self);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Returns the coverage the cards show, or %NULL without a store. */
IrMapCoverage *
ir_map_canvas_get_coverage (IrMapCanvas *self)
{
  g_return_val_if_fail (IR_IS_MAP_CANVAS (self), NULL);

  return self->coverage;
}

/* Returns the trio as IrMapSceneMember items, in the coverage's order. */
GPtrArray *
ir_map_canvas_get_members (IrMapCanvas *self)
{
  g_return_val_if_fail (IR_IS_MAP_CANVAS (self), NULL);

  return self->members;
}

/* Fades the cards that @filter leaves out. */
void
ir_map_canvas_set_filter (IrMapCanvas       *self,
                          const IrMapFilter *filter)
{
  g_return_if_fail (IR_IS_MAP_CANVAS (self));

  ir_map_filter_free (self->filter);
  self->filter = ir_map_filter_new ();
  self->filter->text = g_strdup (filter->text);
  self->filter->department = g_strdup (filter->department);
  self->filter->stance = g_strdup (filter->stance);
  self->filter->buying_role = g_strdup (filter->buying_role);
  self->filter->coverage = filter->coverage;

  for (guint i = 0; i < self->card_list->len; i++)
    {
      IrMapCanvasCard *card = self->card_list->pdata[i];

      ir_map_card_set_dimmed (card->card, !ir_map_canvas_matches_filter (self, card->entity));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
ir_map_canvas_matches_filter (IrMapCanvas *self,
                              IrEntity    *stakeholder)
{
  const IrMapCoverageRow *row = NULL;

  if (ir_map_filter_is_empty (self->filter))
    return TRUE;

  if (self->coverage != NULL)
    row = ir_map_coverage_lookup (self->coverage, ir_entity_get_id (stakeholder));

  return ir_map_filter_matches (self->filter, stakeholder, row && row->covered, row && row->stale);
}

const char *
ir_map_canvas_get_selected (IrMapCanvas *self)
{
  g_return_val_if_fail (IR_IS_MAP_CANVAS (self), NULL);

  return self->selected;
}

/* Selects the card of @eid, or none, and with @scroll_to brings it into
 * view and gives it the keyboard focus. */
void
ir_map_canvas_select (IrMapCanvas *self,
                      const char  *eid,
                      gboolean     scroll_to)
{
  IrMapCanvasCard *old, *card;

  g_return_if_fail (IR_IS_MAP_CANVAS (self));

  card = ir_map_canvas_lookup (self, eid);
  if (eid != NULL && card == NULL)
    return;

  if (scroll_to && card != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (card->card));

  if (g_strcmp0 (self->selected, eid) == 0)
    return;

  old = ir_map_canvas_lookup (self, self->selected);
  if (old != NULL)
    ir_map_card_set_selected (old->card, FALSE);
  g_free (self->selected);
  self->selected = g_strdup (eid);
  if (card != NULL)
    ir_map_card_set_selected (card->card, TRUE);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

GtkWidget *
ir_map_canvas_get_card (IrMapCanvas *self,
                        const char  *eid)
{
  IrMapCanvasCard *card = ir_map_canvas_lookup (self, eid);

  return card ? GTK_WIDGET (card->card) : NULL;
}

guint
ir_map_canvas_get_n_cards (IrMapCanvas *self)
{
  return self->card_list->len;
}

/* Gets where the card of @eid is on the map, in map units. */
gboolean
ir_map_canvas_get_card_position (IrMapCanvas *self,
                                 const char  *eid,
                                 double      *x,
                                 double      *y)
{
  IrMapCanvasCard *card = ir_map_canvas_lookup (self, eid);

  if (card == NULL)
    return FALSE;

  *x = card->rect.x;
  *y = card->rect.y;
  return TRUE;
}

double
ir_map_canvas_get_zoom (IrMapCanvas *self)
{
  return self->zoom;
}

/* Zooms around the middle of the view. */
void
ir_map_canvas_set_zoom (IrMapCanvas *self,
                        double       zoom)
{
  ir_map_canvas_zoom_at (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* Shows every card, at 100 % at most. */
void
ir_map_canvas_zoom_to_fit (IrMapCanvas *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double view_x, view_y, zoom;

  if (self->card_list->len == 0 || width <= 1 || height <= 1)
    return;

  fit_view (self, width, height, &view_x, &view_y, &zoom);
  ir_map_canvas_set_view (self, view_x, view_y, zoom);
}

/* Gets the map point in the middle of the view, where a new card goes. */
void
ir_map_canvas_get_view_center (IrMapCanvas *self,
                               double      *x,
                               double      *y)
{
  ir_map_canvas_to_map (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                        gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, x, y);
}

gboolean
ir_map_canvas_is_simplified (IrMapCanvas *self)
{
  return self->zoom < IR_MAP_CANVAS_SIMPLE_ZOOM;
}
