/* ir-map-canvas-private.h: the canvas's state, shared by ir-map-canvas*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-map-canvas.h"
#include "ir-map-card.h"
#include "ir-map-render.h"

G_BEGIN_DECLS

#define IR_MAP_CANVAS_MIN_ZOOM 0.04
#define IR_MAP_CANVAS_MAX_ZOOM 2.5

/* One card on the canvas. Allocated on its own, so that link shapes can
 * point at its rectangle. */
typedef struct
{
  IrMapCard   *card;       /* child widget; owns the entity */
  IrEntity    *entity;     /* borrowed from the card */
  IrMapRect    rect;       /* where it is, in map units */
  gboolean     stored;     /* rect comes from the store's x and y */
  int          color;      /* department colour index, or -1 */
  PangoLayout *name_layout;  /* for the simplified drawing; NULL until needed */
} IrMapCanvasCard;

typedef enum
{
  IR_MAP_DRAG_NONE,
  IR_MAP_DRAG_PAN,
  IR_MAP_DRAG_MOVE,
  IR_MAP_DRAG_LINK,
} IrMapDragMode;

struct _IrMapCanvas
{
  GtkWidget        parent_instance;

  IrStore         *store;
  gulong           entity_changed_id;
  gulong           tx_applied_id;

  GHashTable      *cards;          /* eid → IrMapCanvasCard* */
  GPtrArray       *card_list;      /* IrMapCanvasCard*, the same cards */
  GHashTable      *links;          /* eid → IrEntity* */
  GArray          *shapes;         /* IrMapLinkShape, rebuilt when dirty */
  gboolean         shapes_dirty;
  GHashTable      *broken;         /* "source target" of reporting lines in a cycle */
  GHashTable      *department_layouts;  /* name → PangoLayout* */

  IrMapCoverage   *coverage;
  GPtrArray       *members;        /* IrMapSceneMember* of the trio */
  IrMapFilter     *filter;
  GHashTable      *changed;        /* eid → field, of the batch being applied */

  guint            refresh_id;
  guint            notify_id;
  gboolean         need_placement;
  gboolean         need_colors;
  gboolean         need_coverage;
  gboolean         need_broken;

  double           zoom;
  double           view_x;         /* map point at the widget's top left */
  double           view_y;
  gboolean         view_set;       /* the view was fitted or moved once */
  char            *selected;

  IrMapDragMode    drag_mode;
  IrMapCanvasCard *drag_card;
  IrMapCanvasCard *link_target;
  double           drag_x;         /* widget point where the drag began */
  double           drag_y;
  double           drag_dx;
  double           drag_dy;
  double           start_view_x;
  double           start_view_y;
  double           start_card_x;
  double           start_card_y;
  double           gesture_zoom;
  GtkWidget       *link_popover;
};

/* ir-map-canvas-store.c */
void             ir_map_canvas_card_free       (IrMapCanvasCard *card);
void             ir_map_canvas_watch_store     (IrMapCanvas     *self);
void             ir_map_canvas_rebuild_shapes  (IrMapCanvas     *self);

/* ir-map-canvas.c */
IrMapCanvasCard *ir_map_canvas_lookup          (IrMapCanvas     *self,
                                                const char      *eid);
IrMapCanvasCard *ir_map_canvas_card_at         (IrMapCanvas     *self,
                                                double           x,
                                                double           y,
                                                GtkWidget      **picked);
void             ir_map_canvas_to_map          (IrMapCanvas     *self,
                                                double           x,
                                                double           y,
                                                double          *map_x,
                                                double          *map_y);
void             ir_map_canvas_set_view        (IrMapCanvas     *self,
                                                double           view_x,
                                                double           view_y,
                                                double           zoom);
void             ir_map_canvas_zoom_at         (IrMapCanvas     *self,
                                                double           zoom,
                                                double           x,
                                                double           y);
void             ir_map_canvas_show_message    (IrMapCanvas     *self,
                                                const char      *message);

/* ir-map-canvas-draw.c */
void             ir_map_canvas_snapshot        (GtkWidget       *widget,
                                                GtkSnapshot     *snapshot);

/* ir-map-canvas-input.c: the gesture handlers, also driven by the tests */
void             ir_map_canvas_init_input      (IrMapCanvas     *self);
void             ir_map_canvas_class_init_input (GtkWidgetClass *widget_class);
void             ir_map_canvas_drag_begin      (IrMapCanvas     *self,
                                                double           x,
                                                double           y);
void             ir_map_canvas_drag_update     (IrMapCanvas     *self,
                                                double           dx,
                                                double           dy);
void             ir_map_canvas_drag_end        (IrMapCanvas     *self,
                                                double           dx,
                                                double           dy);
gboolean         ir_map_canvas_add_link        (IrMapCanvas     *self,
                                                const char      *source,
                                                const char      *target,
                                                const char      *kind);

G_END_DECLS
