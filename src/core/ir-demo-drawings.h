/* ir-demo-drawings.h: the demo room's drawings, drawn by Iron Room itself
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Two part drawings of a DN150 PN40 gate valve, each in revisions A and B.
 * Revision B changes dimensions and features and adds a row to the
 * revision table, so that comparing B with A shows a realistic review. */
typedef enum
{
  IR_DEMO_DRAWING_BODY,
  IR_DEMO_DRAWING_BONNET,
  IR_DEMO_N_DRAWINGS,
} IrDemoDrawing;

typedef struct
{
  const char *number;      /* drawing number, such as "FV-150-001" */
  const char *title;       /* Chinese title */
  const char *title_en;    /* English title */
  const char *revisions;   /* the revision letters, oldest first */
  const char *change_b;    /* what revision B changed, Chinese */
  const char *change_b_en; /* … English */
} IrDemoDrawingInfo;

const IrDemoDrawingInfo *ir_demo_drawing_get_info (IrDemoDrawing  which);
GBytes                  *ir_demo_drawing_to_bytes (IrDemoDrawing  which,
                                                   char           revision,
                                                   gboolean       english,
                                                   const GDate   *today,
                                                   GError       **error);
gboolean                 ir_demo_drawing_write    (IrDemoDrawing  which,
                                                   char           revision,
                                                   gboolean       english,
                                                   const GDate   *today,
                                                   const char    *path,
                                                   GError       **error);

G_END_DECLS
