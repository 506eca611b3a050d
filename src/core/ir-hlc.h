/* ir-hlc.h: hybrid logical clock
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A clock value packs milliseconds since the Unix epoch in the high 48 bits
 * and a logical counter in the low 16, so that plain integer comparison
 * orders clock values. */
#define IR_HLC_LOGICAL_BITS 16

typedef struct
{
  gint64 last;
} IrHlc;

gint64 ir_hlc_now         (IrHlc  *clock,
                           gint64  wall_ms);
void   ir_hlc_observe     (IrHlc  *clock,
                           gint64  remote,
                           gint64  wall_ms);
gint64 ir_hlc_make        (gint64  ms,
                           guint   logical);
gint64 ir_hlc_get_ms      (gint64  value);
gint64 ir_hlc_wall_ms     (void);

G_END_DECLS
