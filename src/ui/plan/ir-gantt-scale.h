/* ir-gantt-scale.h: the time scale of the Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ir-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  IR_GANTT_ZOOM_DAYS,
  IR_GANTT_ZOOM_WEEKS,
  IR_GANTT_ZOOM_MONTHS,
  IR_GANTT_ZOOM_QUARTERS,
} IrGanttZoom;

#define IR_GANTT_ZOOM_LAST IR_GANTT_ZOOM_QUARTERS

/* One labelled span of the scale: [first, last], both inclusive. */
typedef struct
{
  IrDay first;
  IrDay last;
  char *label;
} IrGanttTick;

double       ir_gantt_zoom_get_day_width  (IrGanttZoom  zoom);
const char  *ir_gantt_zoom_to_string      (IrGanttZoom  zoom);
gboolean     ir_gantt_zoom_from_string    (const char  *text,
                                           IrGanttZoom *zoom);

GArray      *ir_gantt_scale_get_ticks     (IrGanttZoom  zoom,
                                           gboolean     major,
                                           IrDay        first,
                                           IrDay        last);

IrDay        ir_gantt_day_today           (void);

G_END_DECLS
