/* ir-markup-layer.h: markups drawn on a page view, and the tools that edit them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ir-pdf-view.h"
#include "ir-store.h"

G_BEGIN_DECLS

typedef enum
{
  IR_MARKUP_TOOL_SELECT,
  IR_MARKUP_TOOL_PIN,
  IR_MARKUP_TOOL_RECTANGLE,
  IR_MARKUP_TOOL_CLOUD,
  IR_MARKUP_TOOL_ARROW,
  IR_MARKUP_TOOL_FREEHAND,
  IR_MARKUP_TOOL_TEXT,
  IR_MARKUP_TOOL_STAMP,
} IrMarkupTool;

#define IR_TYPE_MARKUP_LAYER (ir_markup_layer_get_type ())

G_DECLARE_FINAL_TYPE (IrMarkupLayer, ir_markup_layer, IR, MARKUP_LAYER, GObject)

IrMarkupLayer *ir_markup_layer_new           (IrPdfView      *view);
void           ir_markup_layer_detach        (IrMarkupLayer  *self);
void           ir_markup_layer_set_revision  (IrMarkupLayer  *self,
                                              IrStore        *store,
                                              const char     *drawing,
                                              const char     *revision);
void           ir_markup_layer_refresh       (IrMarkupLayer  *self);
IrMarkupTool   ir_markup_layer_get_tool      (IrMarkupLayer  *self);
void           ir_markup_layer_set_tool      (IrMarkupLayer  *self,
                                              IrMarkupTool    tool,
                                              const char     *stamp);
const char    *ir_markup_layer_get_selected  (IrMarkupLayer  *self);
void           ir_markup_layer_set_selected  (IrMarkupLayer  *self,
                                              const char     *markup);
guint          ir_markup_layer_get_n_shown   (IrMarkupLayer  *self);
gboolean       ir_markup_layer_create        (IrMarkupLayer  *self,
                                              IrMarkupTool    tool,
                                              const IrPdfRect *box,
                                              GError        **error);

/* Colours, shared with the markup list. */
void           ir_markup_color_for_role      (const char     *role,
                                              GdkRGBA        *color);
void           ir_markup_color_for_stamp     (const char     *stamp,
                                              GdkRGBA        *color);
void           ir_markup_draw_cloud          (cairo_t        *cr,
                                              double          x,
                                              double          y,
                                              double          width,
                                              double          height,
                                              double          scallop);

G_END_DECLS
