/* ir-map-layout.h: the automatic layout of the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

/* Size of a stakeholder's card on the map, in map units (pixels at 100 %). */
#define IR_MAP_CARD_WIDTH  240.0
#define IR_MAP_CARD_HEIGHT 124.0

/* One card for the layout. Strings are borrowed. */
typedef struct
{
  const char *department;  /* grouping key; NULL for none */
  const char *name;        /* orders cards of the same rank */
  int         rank;        /* 1 is the most senior; 0 when unknown */
  int         manager;     /* index of the card this one reports to, or -1 */
  double      width;
  double      height;
  gboolean    fixed;       /* keeps x and y */
  double      x;           /* in: where a fixed card is; out: every card's left edge */
  double      y;           /* and top edge */
} IrMapLayoutNode;

typedef enum
{
  /* Cards the user placed by hand (pinned) keep their place; all others
   * are arranged. What the auto-layout button does. */
  IR_MAP_LAYOUT_ARRANGE,
  /* Cards with a stored position keep it; only cards without one are
   * placed, around them. What every reader does to show the map. */
  IR_MAP_LAYOUT_PLACE_NEW,
} IrMapLayoutMode;

/* Where a card is, as ir_map_layout_positions() returns it. */
typedef struct
{
  double   x;
  double   y;
  gboolean stored;  /* the store holds this position */
} IrMapPosition;

void        ir_map_layout_run        (IrMapLayoutNode *nodes,
                                      guint            n_nodes);
GHashTable *ir_map_layout_positions  (IrStore         *store,
                                      IrMapLayoutMode  mode);
gboolean    ir_map_auto_layout       (IrStore         *store,
                                      guint           *n_moved,
                                      GError         **error);

G_END_DECLS
