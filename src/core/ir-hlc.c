/* ir-hlc.c: hybrid logical clock
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ir-hlc.h"

#define LOGICAL_MASK ((G_GINT64_CONSTANT (1) << IR_HLC_LOGICAL_BITS) - 1)

gint64
ir_hlc_make (gint64 ms,
             guint  logical)
{
  return (ms << IR_HLC_LOGICAL_BITS) | (logical & LOGICAL_MASK);
}

gint64
ir_hlc_get_ms (gint64 value)
{
  return value >> IR_HLC_LOGICAL_BITS;
}

gint64
ir_hlc_wall_ms (void)
{
  return g_get_real_time () / 1000;
}

/**
 * ir_hlc_now:
 * @clock: the clock
 * @wall_ms: the wall clock, in milliseconds since the Unix epoch
 *
 * Returns a clock value greater than every value @clock has returned or
 * observed. It follows the wall clock while that moves forward and counts
 * logically while the wall clock stands still or runs behind a remote clock.
 */
gint64
ir_hlc_now (IrHlc  *clock,
            gint64  wall_ms)
{
  gint64 candidate = ir_hlc_make (wall_ms, 0);

  if (candidate > clock->last)
    clock->last = candidate;
  else
    clock->last += 1;

  return clock->last;
}

/* Moves @clock past a value seen on another replica, so that the next local
 * write orders after it even when this machine's wall clock is behind. */
void
ir_hlc_observe (IrHlc  *clock,
                gint64  remote,
                gint64  wall_ms)
{
  gint64 wall = ir_hlc_make (wall_ms, 0);

  if (remote > clock->last)
    clock->last = remote;
  if (wall > clock->last)
    clock->last = wall;
}
