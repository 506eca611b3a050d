/* ir-markup-layer-private.h: the layer's state, shared by ir-markup-layer*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ir-drawing-model.h"
#include "ir-markup-layer.h"

G_BEGIN_DECLS

/* One markup placed on the shown page. */
typedef struct
{
  IrEntity *placement;
  IrEntity *markup;
  GdkRGBA   color;
  guint     number;
  gboolean  open;
  gboolean  carried;
} IrMarkupItem;

typedef enum
{
  IR_MARKUP_ACTION_NONE,
  IR_MARKUP_ACTION_PAN,
  IR_MARKUP_ACTION_MOVE,
  IR_MARKUP_ACTION_RESIZE,
  IR_MARKUP_ACTION_CREATE,
} IrMarkupAction;

struct _IrMarkupLayer
{
  GObject         parent_instance;

  IrPdfView      *view;
  GtkGesture     *drag;
  gulong          overlay_id;
  gulong          page_id;

  IrStore        *store;
  char           *drawing;
  char           *revision;
  GPtrArray      *items;      /* IrMarkupItem*, drawn in order */
  IrMarkupTool    tool;
  char           *stamp;
  char           *selected;   /* markup entity id */

  /* The drag in progress, in page points. */
  IrMarkupAction  action;
  int             handle;
  double          start_x;
  double          start_y;
  double          current_x;
  double          current_y;
  GArray         *stroke;     /* double x, y pairs of a freehand stroke */
  JsonNode       *preview;    /* the selected markup's geometry while dragged */
};

/* ir-markup-layer.c */
IrMarkupItem *ir_markup_layer_find_selected (IrMarkupLayer *self);
void          ir_markup_layer_report        (IrMarkupLayer *self,
                                             const GError  *error);

/* ir-markup-layer-draw.c */
void          ir_markup_layer_snapshot      (IrMarkupLayer *self,
                                             GtkSnapshot   *snapshot);
int           ir_markup_layer_hit_handle    (IrMarkupLayer *self,
                                             IrMarkupItem  *item,
                                             double         x,
                                             double         y);
IrMarkupItem *ir_markup_layer_hit_item      (IrMarkupLayer *self,
                                             double         x,
                                             double         y);

/* ir-markup-layer-input.c */
void          ir_markup_layer_init_input    (IrMarkupLayer *self);

G_END_DECLS
