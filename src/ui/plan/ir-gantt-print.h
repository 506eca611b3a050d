/* ir-gantt-print.h: the Gantt chart on paper: PDF and printing
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ir-gantt-scale.h"
#include "ir-schedule.h"

G_BEGIN_DECLS

/* What to print: borrowed for as long as the job runs. */
typedef struct
{
  IrSchedule  *schedule;
  GPtrArray   *rows;          /* IrScheduleTask*, in row order */
  GHashTable  *seal_states;   /* task id → IrSealState + 1, or NULL */
  IrGanttZoom  zoom;
  int          baseline;      /* -1 for none */
  IrDay        today;
  const char  *title;
  const char  *subtitle;
} IrGanttPrintJob;

/* ISO A3 in PostScript points, landscape. */
#define IR_GANTT_PDF_WIDTH  1190.55
#define IR_GANTT_PDF_HEIGHT 841.89

guint    ir_gantt_print_count_pages (const IrGanttPrintJob *job,
                                     double                 page_width,
                                     double                 page_height);
void     ir_gantt_print_draw_page   (const IrGanttPrintJob *job,
                                     cairo_t               *cr,
                                     double                 page_width,
                                     double                 page_height,
                                     guint                  page);
gboolean ir_gantt_export_pdf        (const IrGanttPrintJob *job,
                                     const char            *path,
                                     guint                 *n_pages,
                                     GError               **error);
void     ir_gantt_print             (const IrGanttPrintJob *job,
                                     GtkWindow             *parent);

G_END_DECLS
